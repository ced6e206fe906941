import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { VEHICLE_TOPIC } from './dispatch.events';
import { ChangeVehicleStatusInput, CreateVehicleInput, UpdateCompanyQuotaInput, UpdateVehicleInput } from './dispatch.inputs';
import {
  FleetReadinessType,
  StandbyBoardType,
  TransportCompanyType,
  VehicleChangeType,
  VehicleHistoryType,
  VehicleType,
} from './dispatch.types';
import type { FleetReadiness, FleetService, VehicleHistory } from './fleet.service';
import type { TransportCompany } from './transport-company.entity';
import type { Vehicle } from './vehicle.entity';

/** Every HQ role the policy table lets subscribe sees the whole fleet. */
const vehicleChanges = liveChanges({ operation: 'vehicleChanged', topic: VEHICLE_TOPIC });

/** The fleet's doors: the standby board, each vehicle's history, hand-set statuses, fleet edits. */
@Resolver()
export class FleetResolver {
  constructor(private readonly fleet: FleetService) {}

  @Allow('standbyBoard')
  @Query(() => StandbyBoardType, { description: 'Every vehicle by company with its status and current job, and readiness against quota.' })
  async standbyBoard(@Ctx() ctx: Context): Promise<{ companies: TransportCompany[]; readiness: FleetReadiness }> {
    const [companies, readiness] = await Promise.all([this.fleet.companies(ctx.em), this.fleet.readinessByCompany(ctx.em)]);
    return { companies, readiness };
  }

  @Allow('vehicle')
  @Query(() => VehicleType)
  async vehicle(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Vehicle> {
    return (await this.fleet.vehicle(ctx.em, id)) ?? Promise.reject(notFound('Vehicle', id));
  }

  @Allow('vehicleHistory')
  @Query(() => VehicleHistoryType, { description: 'A vehicle’s status changes and jobs, newest first.' })
  vehicleHistory(
    @Ctx() ctx: Context,
    @Arg('vehicleId', () => ID) vehicleId: string,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most 500.' }) first: number,
  ): Promise<VehicleHistory> {
    return this.fleet.history(ctx.em, vehicleId, first);
  }

  @Allow('changeVehicleStatus')
  @Mutation(() => VehicleType, { description: 'Maintenance, off duty, or back to standby; not while the vehicle is on a job.' })
  changeVehicleStatus(
    @Ctx() ctx: Context,
    @Arg('input', () => ChangeVehicleStatusInput) input: ChangeVehicleStatusInput,
  ): Promise<Vehicle> {
    return this.fleet.changeStatus(ctx, input);
  }

  @Allow('createVehicle')
  @Mutation(() => VehicleType, { description: 'Adds a vehicle to a company’s fleet, on standby.' })
  createVehicle(@Ctx() ctx: Context, @Arg('input', () => CreateVehicleInput) input: CreateVehicleInput): Promise<Vehicle> {
    return this.fleet.createVehicle(ctx, input);
  }

  @Allow('updateVehicle')
  @Mutation(() => VehicleType)
  updateVehicle(@Ctx() ctx: Context, @Arg('input', () => UpdateVehicleInput) input: UpdateVehicleInput): Promise<Vehicle> {
    return this.fleet.updateVehicle(ctx, input);
  }

  @Allow('updateCompanyQuota')
  @Mutation(() => TransportCompanyType, { description: 'How many vehicles a company must keep on standby.' })
  updateCompanyQuota(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateCompanyQuotaInput) input: UpdateCompanyQuotaInput,
  ): Promise<TransportCompany> {
    return this.fleet.updateCompanyQuota(ctx, input);
  }

  @Allow('updateFleetReadyFloor')
  @Mutation(() => FleetReadinessType, { description: 'Fewer ready vehicles than this across all companies alerts the leader on duty.' })
  updateFleetReadyFloor(
    @Ctx() ctx: Context,
    @Arg('readyFloor', () => Int) readyFloor: number,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<FleetReadiness> {
    return this.fleet.updateReadyFloor(ctx, readyFloor, expectedVersion);
  }

  @Allow('vehicleChanged')
  @Subscription(() => VehicleChangeType, {
    nullable: true,
    description: 'Every committed vehicle change after `after` (replayed), then live: the standby board stays current.',
    subscribe: vehicleChanges.subscribe,
  })
  vehicleChanged(
    @Root() event: EventRecord<typeof VEHICLE_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<Vehicle> | null> {
    // `readiness` is resolved on the change by VehicleChangeFields.
    return vehicleChanges.resolve(event, (e) => this.fleet.vehicle(ctx.em, e.entityId));
  }
}
