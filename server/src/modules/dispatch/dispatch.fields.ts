import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import type { DispatchOrder } from './dispatch-order.entity';
import { dispatchLoaders } from './dispatch.loaders';
import { dispatchPolicy } from './dispatch.policy';
import {
  DispatchOrderType,
  FleetReadinessType,
  StandbyBoardType,
  TransportCompanyType,
  VehicleAssignmentType,
  VehicleChangeType,
  VehicleType,
} from './dispatch.types';
import type { FleetService } from './fleet.service';
import type { TransportCompany } from './transport-company.entity';
import type { VehicleAssignment } from './vehicle-assignment.entity';
import type { Vehicle } from './vehicle.entity';

/*
 * Relations of the dispatch types, resolved through per-request batch loaders: however many
 * vehicles a board shows, each level below costs one query. Orders reached through a vehicle
 * are filtered by the viewer's rights, so a unit liaison never sees another unit's order.
 */

@Resolver(() => TransportCompanyType)
export class TransportCompanyFields {
  @FieldResolver(() => [VehicleType], { description: 'Its vehicles, by plate.' })
  async vehicles(
    @Root() company: TransportCompany,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200 (a company keeps a handful).' }) first: number,
  ): Promise<Vehicle[]> {
    return (await dispatchLoaders(ctx.em).vehiclesByCompany.load(company.id)).slice(0, clamp(first, 200));
  }
}

@Resolver(() => VehicleType)
export class VehicleFields {
  @FieldResolver(() => TransportCompanyType)
  async company(@Root() vehicle: Vehicle, @Ctx() ctx: Context): Promise<TransportCompany> {
    return (await dispatchLoaders(ctx.em).company.load(vehicle.companyId))!;
  }

  @FieldResolver(() => VehicleAssignmentType, { nullable: true, description: 'The job it is on now, if any.' })
  async currentAssignment(@Root() vehicle: Vehicle, @Ctx() ctx: Context): Promise<VehicleAssignment | null> {
    const assignment = await dispatchLoaders(ctx.em).activeAssignmentByVehicle.load(vehicle.id);
    if (!assignment) return null;
    return (await visibleOrder(ctx, assignment.orderId)) ? assignment : null;
  }

  @FieldResolver(() => DispatchOrderType, { nullable: true, description: 'The order it is on now, if any.' })
  async currentOrder(@Root() vehicle: Vehicle, @Ctx() ctx: Context): Promise<DispatchOrder | null> {
    const assignment = await dispatchLoaders(ctx.em).activeAssignmentByVehicle.load(vehicle.id);
    return assignment ? visibleOrder(ctx, assignment.orderId) : null;
  }
}

@Resolver(() => VehicleAssignmentType)
export class VehicleAssignmentFields {
  @FieldResolver(() => VehicleType)
  async vehicle(@Root() assignment: VehicleAssignment, @Ctx() ctx: Context): Promise<Vehicle> {
    return (await dispatchLoaders(ctx.em).vehicle.load(assignment.vehicleId))!;
  }

  @FieldResolver(() => DispatchOrderType, { nullable: true, description: 'Null when the order is not visible to you.' })
  order(@Root() assignment: VehicleAssignment, @Ctx() ctx: Context): Promise<DispatchOrder | null> {
    return visibleOrder(ctx, assignment.orderId);
  }
}

@Resolver(() => DispatchOrderType)
export class DispatchOrderFields {
  @FieldResolver(() => [VehicleAssignmentType], { description: 'Every vehicle put on it, released ones included, in assignment order.' })
  async assignments(
    @Root() order: DispatchOrder,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
  ): Promise<VehicleAssignment[]> {
    return (await dispatchLoaders(ctx.em).assignmentsByOrder.load(order.id)).slice(0, clamp(first, 100));
  }
}

@Resolver(() => StandbyBoardType)
export class StandbyBoardFields {
  @FieldResolver(() => [TransportCompanyType], { description: 'The companies in plan 3’s order.' })
  companies(
    @Root() board: { companies: TransportCompany[] },
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most 50.' }) first: number,
  ): TransportCompany[] {
    return board.companies.slice(0, clamp(first, 50));
  }
}

@Resolver(() => VehicleChangeType)
export class VehicleChangeFields {
  constructor(private readonly fleet: FleetService) {}

  @FieldResolver(() => FleetReadinessType, { description: 'Readiness as it is now, so the board’s counts stay live.' })
  readiness(@Ctx() ctx: Context) {
    return this.fleet.readinessByCompany(ctx.em);
  }
}

/** The page sizes above are also what the query-cost limit (core/graphql/cost.ts) counts a list as. */
const clamp = (first: number, max: number) => Math.min(Math.max(first, 0), max);

async function visibleOrder(ctx: Context, orderId: string): Promise<DispatchOrder | null> {
  const order = await dispatchLoaders(ctx.em).order.load(orderId);
  return order && dispatchPolicy.canSeeOrder(ctx.viewer, order) ? order : null;
}
