import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { DispatchOrderStatus } from '@cc/shared';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import type { DispatchFigures, DispatchFiguresService } from './dispatch-figures.service';
import type { DispatchOrder } from './dispatch-order.entity';
import type { DispatchOrderService } from './dispatch-order.service';
import { DISPATCH_ORDER_TOPIC } from './dispatch.events';
import {
  AssignVehiclesInput,
  CancelDispatchOrderInput,
  CreateDispatchOrderInput,
  DispatchOrderStepInput,
  ReleaseVehicleInput,
  TransportRequestInput,
} from './dispatch.inputs';
import { dispatchPolicy } from './dispatch.policy';
import { hqDay } from './dispatch.rules';
import {
  DispatchFiguresType,
  DispatchOrderChangeType,
  DispatchOrderStatusEnum,
  DispatchOrderType,
  VehicleSuggestionsType,
  VehicleType,
} from './dispatch.types';
import type { Vehicle } from './vehicle.entity';

/** HQ sees every order; a unit liaison only their unit's (the payload carries the unit, so no read is needed). */
const dispatchOrderChanges = liveChanges({
  operation: 'dispatchOrderChanged',
  topic: DISPATCH_ORDER_TOPIC,
  canSee: (viewer, event) =>
    dispatchPolicy.seesAllOrders(viewer) || (viewer.unitId !== null && event.payload.requestingUnitId === viewer.unitId),
});

/** Dispatch orders: raising, assigning, progress, release; unit requests; suggestions and figures. */
@Resolver()
export class DispatchOrderResolver {
  constructor(
    private readonly orders: DispatchOrderService,
    private readonly figures: DispatchFiguresService,
  ) {}

  @Allow('dispatchOrders')
  @Query(() => [DispatchOrderType], { description: 'Orders; active statuses in queue order (green channel first), others newest first.' })
  dispatchOrders(
    @Ctx() ctx: Context,
    @Arg('status', () => [DispatchOrderStatusEnum], { nullable: true, description: 'Only these statuses; all when omitted.' })
    status: DispatchOrderStatus[] | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most 500.' }) first: number,
  ): Promise<DispatchOrder[]> {
    return this.orders.list(ctx.em, { statuses: status, first });
  }

  @Allow('dispatchOrder')
  @Query(() => DispatchOrderType)
  dispatchOrder(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<DispatchOrder> {
    return this.orders.get(ctx.em, ctx.viewer, id);
  }

  @Allow('suggestVehicles')
  @Query(() => VehicleSuggestionsType, { description: 'Ready vehicles that fit the order’s cargo and load, balanced across companies.' })
  async suggestVehicles(@Ctx() ctx: Context, @Arg('orderId', () => ID) orderId: string) {
    const result = await this.orders.suggest(ctx.em, orderId, ctx.clock.now());
    return {
      orderId,
      rule: result.rule,
      remainingTonnes: result.remainingTonnes,
      recommendedTonnes: result.recommendedTonnes,
      suggestions: result.suggestions.map((s) => ({ ...s, vehicle: result.vehicles.get(s.vehicleId) as Vehicle })),
    };
  }

  @Allow('dispatchFigures')
  @Query(() => DispatchFiguresType, { description: 'Per-company utilisation and response time for an HQ day (today when omitted).' })
  dispatchFigures(
    @Ctx() ctx: Context,
    @Arg('day', () => String, { nullable: true, description: 'YYYY-MM-DD, HQ time (UTC+8).' }) day?: string | null,
  ): Promise<DispatchFigures> {
    const now = ctx.clock.now();
    return this.figures.figures(ctx.em, day ?? hqDay(now), now);
  }

  @Allow('createDispatchOrder')
  @Mutation(() => DispatchOrderType, { description: 'Raises a dispatch order at HQ; it is OPEN until vehicles are assigned.' })
  createDispatchOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateDispatchOrderInput) input: CreateDispatchOrderInput,
  ): Promise<DispatchOrder> {
    return this.orders.create(ctx, input);
  }

  @Allow('assignVehicles')
  @Mutation(() => DispatchOrderType, {
    description:
      'Puts standby vehicles on an order. A vehicle someone else just took is refused with CONFLICT (reason vehicle/already_assigned).',
  })
  assignVehicles(@Ctx() ctx: Context, @Arg('input', () => AssignVehiclesInput) input: AssignVehiclesInput): Promise<DispatchOrder> {
    return this.orders.assign(ctx, input);
  }

  @Allow('markOrderDeparted')
  @Mutation(() => DispatchOrderType, { description: 'The vehicles have left: they go EN_ROUTE and the response time stops.' })
  markOrderDeparted(
    @Ctx() ctx: Context,
    @Arg('input', () => DispatchOrderStepInput) input: DispatchOrderStepInput,
  ): Promise<DispatchOrder> {
    return this.orders.depart(ctx, input);
  }

  @Allow('markOrderArrived')
  @Mutation(() => DispatchOrderType)
  markOrderArrived(@Ctx() ctx: Context, @Arg('input', () => DispatchOrderStepInput) input: DispatchOrderStepInput): Promise<DispatchOrder> {
    return this.orders.arrive(ctx, input);
  }

  @Allow('completeDispatchOrder')
  @Mutation(() => DispatchOrderType, { description: 'The job is done; the vehicles return and are released when in.' })
  completeDispatchOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => DispatchOrderStepInput) input: DispatchOrderStepInput,
  ): Promise<DispatchOrder> {
    return this.orders.complete(ctx, input);
  }

  @Allow('cancelDispatchOrder')
  @Mutation(() => DispatchOrderType)
  cancelDispatchOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => CancelDispatchOrderInput) input: CancelDispatchOrderInput,
  ): Promise<DispatchOrder> {
    return this.orders.cancel(ctx, input);
  }

  @Allow('releaseVehicle')
  @Mutation(() => VehicleType, { description: 'Ends a vehicle’s job: back to standby (or maintenance).' })
  releaseVehicle(@Ctx() ctx: Context, @Arg('input', () => ReleaseVehicleInput) input: ReleaseVehicleInput): Promise<Vehicle> {
    return this.orders.release(ctx, input);
  }

  @Allow('requestTransport')
  @Mutation(() => DispatchOrderType, { description: 'A unit liaison asks HQ for transport, for their own unit.' })
  requestTransport(@Ctx() ctx: Context, @Arg('input', () => TransportRequestInput) input: TransportRequestInput): Promise<DispatchOrder> {
    return this.orders.request(ctx, input);
  }

  @Allow('cancelTransportRequest')
  @Mutation(() => DispatchOrderType, { description: 'Withdraws an order of your unit while no vehicle is on it yet.' })
  cancelTransportRequest(
    @Ctx() ctx: Context,
    @Arg('input', () => CancelDispatchOrderInput) input: CancelDispatchOrderInput,
  ): Promise<DispatchOrder> {
    return this.orders.cancelRequest(ctx, input);
  }

  @Allow('myTransportRequests')
  @Query(() => [DispatchOrderType], { description: 'Your unit’s transport requests, newest first.' })
  myTransportRequests(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 100 }) first: number): Promise<DispatchOrder[]> {
    return this.orders.mine(ctx.em, ctx.viewer, first);
  }

  @Allow('myTransportRequest')
  @Query(() => DispatchOrderType, { description: 'One of your unit’s requests; another unit’s is NOT_FOUND.' })
  myTransportRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<DispatchOrder> {
    return this.orders.get(ctx.em, ctx.viewer, id);
  }

  @Allow('dispatchOrderChanged')
  @Subscription(() => DispatchOrderChangeType, {
    nullable: true,
    description: 'Every committed order change after `after`, then live. A unit liaison receives only their unit’s orders.',
    subscribe: dispatchOrderChanges.subscribe,
  })
  dispatchOrderChanged(
    @Root() event: EventRecord<typeof DISPATCH_ORDER_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<DispatchOrder> | null> {
    // Only "gone or not yours" skips; a database that cannot be reached is retried (live-changes.ts).
    return dispatchOrderChanges.resolve(event, (e) => nullIfNotFound(this.orders.get(ctx.em, ctx.viewer, e.entityId)));
  }
}
