import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPATCH_ORDER_ACTIVE_STATUSES, isGreenChannel, type DispatchOrderStatus, type VehicleStatus } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context, Viewer } from '../../core/context';
import { domainError, forbidden, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { IncidentService } from '../incidents/incident.service';
import { DispatchOrder } from './dispatch-order.entity';
import { DISPATCH_ORDER_TOPIC } from './dispatch.events';
import type {
  AssignVehiclesInput,
  CancelDispatchOrderInput,
  CreateDispatchOrderInput,
  DispatchOrderStepInput,
  ReleaseVehicleInput,
  TransportRequestInput,
} from './dispatch.inputs';
import { dispatchPolicy } from './dispatch.policy';
import type { OrderCargoPort } from './order-cargo.port';
import {
  assertIdsWellFormed,
  assertOrderTransition,
  dispatchOrderNumber,
  dispatchPriority,
  hqDay,
  hqDayBounds,
  suggestVehicles,
  validateDispatchOrder,
  type SuggestionResult,
} from './dispatch.rules';
import type { StandingPermitsBinding } from './standing-permits.port';
import { VehicleAssignment } from './vehicle-assignment.entity';
import { moveVehicle } from './vehicle-moves';
import { Vehicle } from './vehicle.entity';

/** Orders HQ may still put vehicles on: nothing has left yet. */
const ASSIGNABLE: readonly DispatchOrderStatus[] = ['REQUESTED', 'OPEN', 'ASSIGNED'];
/** At most this many vehicles in one assignment: a typo guard, not a fleet limit. */
const MAX_VEHICLES_PER_CALL = 15;

export interface DispatchOrderFilter {
  statuses?: readonly DispatchOrderStatus[] | null;
  first?: number;
}

export interface OrderSuggestions extends SuggestionResult {
  orderId: string;
  vehicles: Map<string, Vehicle>;
}

/**
 * Dispatch orders (调度单) from request to completion, and the vehicles on them.
 * Every change runs in one unit of work that locks the order, then its vehicles in id order,
 * so two dispatchers can never both take a vehicle, and nothing deadlocks.
 */
export class DispatchOrderService {
  constructor(
    private readonly incidents: IncidentService,
    private readonly units: MemberUnitService,
    private readonly standingPermits: StandingPermitsBinding = () => null,
    /** Late-bound (built after dispatch): the goods riding on orders move with each step. */
    private readonly cargo: () => OrderCargoPort | undefined = () => undefined,
  ) {}

  // ------------------------------------------------------------------------------ reads

  /** Active statuses come in the dispatcher's queue order (priority, requested time); others newest first. */
  async list(em: EntityManager, filter: DispatchOrderFilter = {}): Promise<DispatchOrder[]> {
    const statuses = filter.statuses?.length ? filter.statuses : null;
    const queue = statuses !== null && statuses.every((s) => DISPATCH_ORDER_ACTIVE_STATUSES.includes(s));
    return em.find(DispatchOrder, statuses ? { status: { $in: [...statuses] } } : {}, {
      orderBy: queue ? { priority: 'asc', requestedAt: 'asc', number: 'asc' } : { createdAt: 'desc', number: 'desc' },
      limit: Math.min(Math.max(filter.first ?? 100, 1), 500),
    });
  }

  /** The order if this viewer may see it; NOT_FOUND otherwise, so ids of other units do not leak. */
  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<DispatchOrder> {
    const order = isUuid(id) ? await em.findOne(DispatchOrder, { id }) : null;
    if (!order || !dispatchPolicy.canSeeOrder(viewer, order)) throw notFound('Dispatch order', id);
    return order;
  }

  /** A unit liaison's own unit's requests, newest first. */
  async mine(em: EntityManager, viewer: Viewer | null, first: number): Promise<DispatchOrder[]> {
    const unitId = dispatchPolicy.liaisonUnit(viewer);
    if (!unitId) return [];
    return em.find(
      DispatchOrder,
      { requestingUnitId: unitId },
      { orderBy: { createdAt: 'desc', number: 'desc' }, limit: Math.min(Math.max(first, 1), 500) },
    );
  }

  /** Ready vehicles fit for the order, balanced across the companies (dispatch.rules.ts explains how). */
  async suggest(em: EntityManager, orderId: string, now: Date): Promise<OrderSuggestions> {
    const order = isUuid(orderId) ? await em.findOne(DispatchOrder, { id: orderId }) : null;
    if (!order) throw notFound('Dispatch order', orderId);
    const { start } = hqDayBounds(hqDay(now));
    const [vehicles, onOrder, jobs, holders] = await Promise.all([
      em.find(Vehicle, {}, { orderBy: { plate: 'asc' } }),
      em.find(VehicleAssignment, { orderId, releasedAt: null }),
      em.execute<{ company_id: string; jobs: string }[]>(
        `select v.company_id, count(*) as jobs from vehicle_assignment a join vehicle v on v.id = a.vehicle_id
         where a.assigned_at >= ? group by v.company_id`,
        [start],
      ),
      this.standingPermits()?.vehiclesHoldingPermitFor(em, order.cargoKind, now) ?? new Set<string>(),
    ]);
    const byId = new Map(vehicles.map((v) => [v.id, v]));
    const result = suggestVehicles(
      {
        cargoKind: order.cargoKind,
        cargoAmount: order.cargoAmount,
        cargoUnit: order.cargoUnit,
        assignedCapacities: onOrder.map((a) => byId.get(a.vehicleId)?.capacityTonnes ?? 0),
      },
      vehicles,
      new Map(jobs.map((j) => [j.company_id, Number(j.jobs)])),
      holders,
    );
    return { ...result, orderId, vehicles: byId };
  }

  // ------------------------------------------------------------------------------ creating

  async create(ctx: Context, input: CreateDispatchOrderInput): Promise<DispatchOrder> {
    return commit(ctx, 'createDispatchOrder', input, (tx) => this.createIn(tx, input));
  }

  /**
   * Raises an order inside the caller's transaction: for a module that needs transport as part
   * of its own mutation (a permit granted, a requisition approved), so both commit or neither
   * does, with one audit trail and the order's event in the same outbox write.
   */
  async createIn(tx: Tx, input: CreateDispatchOrderInput): Promise<DispatchOrder> {
    const clean = validateDispatchOrder(input, tx.now);
    if (!input.requestingGroup && !input.requestingUnitId) {
      throw domainError('BAD_USER_INPUT', 'Say who asked for the transport: a working group or a member unit.', {
        field: 'requestingGroup',
      });
    }
    assertIdsWellFormed({
      requestingUnitId: input.requestingUnitId,
      incidentId: input.incidentId,
      callId: input.callId,
      requisitionId: input.requisitionId,
      permitId: input.permitId,
    });
    if (input.incidentId && !(await this.incidents.get(tx.em, input.incidentId))) throw notFound('Incident', input.incidentId);
    if (input.requestingUnitId && !(await this.units.get(tx.em, input.requestingUnitId)))
      throw notFound('Member unit', input.requestingUnitId);
    const order = await this.open(tx, clean, {
      status: 'OPEN',
      requestingGroup: input.requestingGroup ?? null,
      requestingUnitId: input.requestingUnitId ?? null,
      incidentId: input.incidentId ?? null,
      callId: input.callId ?? null,
    });
    // The incident's timeline shows the transport raised for it, in the same transaction.
    if (order.incidentId) {
      await this.incidents.linkToIncident(tx, order.incidentId, {
        entityType: 'DispatchOrder',
        entityId: order.id,
        summary: `${order.number}: ${order.origin} → ${order.destination}`,
      });
    }
    return order;
  }

  /** A unit liaison asks HQ for transport, for their own unit only. */
  async request(ctx: Context, input: TransportRequestInput): Promise<DispatchOrder> {
    return commit(ctx, 'requestTransport', input, async (tx) => {
      const unitId = dispatchPolicy.liaisonUnit(tx.viewer);
      if (!unitId) throw forbidden('Only a unit liaison can request transport, and only for their own unit.');
      const clean = validateDispatchOrder(input, tx.now);
      assertIdsWellFormed({ requisitionId: input.requisitionId, permitId: input.permitId });
      return this.open(tx, clean, { status: 'REQUESTED', requestingGroup: null, requestingUnitId: unitId, incidentId: null, callId: null });
    });
  }

  private async open(
    tx: Tx,
    clean: TransportRequestInput & { requestedAt: Date },
    origin: Pick<DispatchOrder, 'status' | 'requestingGroup' | 'requestingUnitId' | 'incidentId' | 'callId'>,
  ): Promise<DispatchOrder> {
    const order = tx.em.create(DispatchOrder, {
      number: await this.nextNumber(tx),
      cargoKind: clean.cargoKind,
      cargoDescription: clean.cargoDescription,
      cargoAmount: clean.cargoAmount,
      cargoUnit: clean.cargoUnit,
      origin: clean.origin,
      destination: clean.destination,
      greenChannel: isGreenChannel(clean.cargoKind),
      urgent: clean.urgent,
      priority: dispatchPriority(clean.cargoKind, clean.urgent),
      requestedAt: clean.requestedAt,
      requisitionId: clean.requisitionId ?? null,
      permitId: clean.permitId ?? null,
      notes: clean.notes,
      createdById: tx.viewer?.userId ?? null,
      createdByName: tx.viewer?.displayName ?? '',
      ...origin,
    });
    tx.em.persist(order);
    emitOrder(tx, order, [], 'CREATED');
    return order;
  }

  /** DD-yyyymmdd-nnn: the day's counter row is incremented under its row lock, so numbers never repeat. */
  private async nextNumber(tx: Tx): Promise<string> {
    const day = hqDay(tx.now);
    const [row] = await tx.em.execute<{ last: number }[]>(
      `insert into dispatch_order_counter (day, last) values (?, 1)
       on conflict (day) do update set last = dispatch_order_counter.last + 1 returning last`,
      [day],
    );
    return dispatchOrderNumber(day, Number(row!.last));
  }

  // ------------------------------------------------------------------------------ assigning

  /**
   * Puts standby vehicles on an order. Race-proof: the order row and then the vehicle rows are
   * locked (in id order) and read fresh; a vehicle another dispatcher took first is refused with
   * CONFLICT naming who and for which order, and nothing of this call is written.
   */
  async assign(ctx: Context, input: AssignVehiclesInput): Promise<DispatchOrder> {
    return commit(ctx, 'assignVehicles', input, async (tx) => {
      const ids = [...new Set(input.vehicleIds)];
      if (ids.length === 0) throw domainError('BAD_USER_INPUT', 'Choose at least one vehicle.', { field: 'vehicleIds' });
      if (ids.length > MAX_VEHICLES_PER_CALL)
        throw domainError('BAD_USER_INPUT', `Assign at most ${MAX_VEHICLES_PER_CALL} vehicles at once.`, { field: 'vehicleIds' });
      const order = await this.lockOrder(tx, input.orderId, input.expectedVersion);
      if (!ASSIGNABLE.includes(order.status)) {
        throw domainError(
          'INVALID_TRANSITION',
          `Dispatch order ${order.number} is ${order.status}; vehicles are assigned only before it departs.`,
          {
            reason: 'dispatchOrder/not_assignable',
            status: order.status,
          },
        );
      }
      const vehicles = await this.lockVehicles(tx, ids);
      for (const vehicle of vehicles) await this.assertAssignable(tx, vehicle);
      for (const vehicle of vehicles) {
        tx.em.persist(
          tx.em.create(VehicleAssignment, {
            orderId: order.id,
            vehicleId: vehicle.id,
            assignedById: tx.viewer?.userId ?? null,
            assignedByName: tx.viewer?.displayName ?? '',
            assignedAt: tx.now,
          }),
        );
        moveVehicle(tx, vehicle, 'ASSIGNED', { orderId: order.id });
      }
      if (order.status !== 'ASSIGNED') {
        assertOrderTransition(order.number, order.status, 'ASSIGNED');
        order.status = 'ASSIGNED';
        order.assignedAt ??= tx.now;
      }
      emitOrder(tx, order, ['status', 'assignments']);
      return order;
    });
  }

  private async assertAssignable(tx: Tx, vehicle: Vehicle): Promise<void> {
    if (vehicle.status === 'STANDBY') return;
    const active = await tx.em.findOne(VehicleAssignment, { vehicleId: vehicle.id, releasedAt: null });
    if (active) {
      const taken = await tx.em.findOne(DispatchOrder, { id: active.orderId });
      const by = active.assignedByName || 'another dispatcher';
      throw domainError('CONFLICT', `${vehicle.plate} was just assigned by ${by} to ${taken?.number ?? 'another order'}.`, {
        reason: 'vehicle/already_assigned',
        vehicleId: vehicle.id,
        plate: vehicle.plate,
        takenBy: by,
        takenById: active.assignedById,
        orderId: active.orderId,
        orderNumber: taken?.number ?? null,
      });
    }
    const why =
      vehicle.status === 'MAINTENANCE' ? 'is in maintenance' : vehicle.status === 'OFF_DUTY' ? 'is off duty' : `is ${vehicle.status}`;
    throw domainError('CONFLICT', `${vehicle.plate} ${why} and cannot be assigned. Choose a vehicle on standby.`, {
      reason: 'vehicle/not_ready',
      vehicleId: vehicle.id,
      plate: vehicle.plate,
      status: vehicle.status,
    });
  }

  // ------------------------------------------------------------------------------ progress

  async depart(ctx: Context, input: DispatchOrderStepInput): Promise<DispatchOrder> {
    return this.step(ctx, 'markOrderDeparted', input, 'DEPARTED', 'ASSIGNED', 'EN_ROUTE', (order, now) => (order.departedAt = now));
  }

  async arrive(ctx: Context, input: DispatchOrderStepInput): Promise<DispatchOrder> {
    return this.step(ctx, 'markOrderArrived', input, 'ARRIVED', 'EN_ROUTE', 'ON_SITE', (order, now) => (order.arrivedAt = now));
  }

  /** The job is done; the vehicles head back and stay on the order until released. */
  async complete(ctx: Context, input: DispatchOrderStepInput): Promise<DispatchOrder> {
    return this.step(ctx, 'completeDispatchOrder', input, 'COMPLETED', 'ON_SITE', 'RETURNING', (order, now) => (order.completedAt = now));
  }

  private async step(
    ctx: Context,
    operation: string,
    input: DispatchOrderStepInput,
    to: DispatchOrderStatus,
    vehiclesFrom: VehicleStatus,
    vehiclesTo: VehicleStatus,
    stamp: (order: DispatchOrder, now: Date) => void,
  ): Promise<DispatchOrder> {
    return commit(ctx, operation, input, async (tx) => {
      const order = await this.lockOrder(tx, input.orderId, input.expectedVersion);
      assertOrderTransition(order.number, order.status, to);
      const active = await tx.em.find(VehicleAssignment, { orderId: order.id, releasedAt: null });
      const vehicles = await this.lockVehicles(
        tx,
        active.map((a) => a.vehicleId),
      );
      for (const vehicle of vehicles) {
        if (vehicle.status === vehiclesFrom) moveVehicle(tx, vehicle, vehiclesTo, { orderId: order.id });
      }
      const from = order.status;
      order.status = to;
      stamp(order, tx.now);
      await this.moveCargo(tx, order, from);
      emitOrder(tx, order, ['status']);
      return order;
    });
  }

  /**
   * Cancels an order. Vehicles not yet gone return to standby at once; vehicles on the road
   * turn back (RETURNING) and are released when they are in.
   */
  async cancel(ctx: Context, input: CancelDispatchOrderInput): Promise<DispatchOrder> {
    return commit(ctx, 'cancelDispatchOrder', input, async (tx) => {
      const order = await this.lockOrder(tx, input.orderId, input.expectedVersion);
      return this.cancelLocked(tx, order, input.reason);
    });
  }

  /** A liaison withdraws their unit's order while no vehicle is on it yet (REQUESTED or OPEN). */
  async cancelRequest(ctx: Context, input: CancelDispatchOrderInput): Promise<DispatchOrder> {
    return commit(ctx, 'cancelTransportRequest', input, async (tx) => {
      const order = isUuid(input.orderId)
        ? await tx.em.findOne(DispatchOrder, { id: input.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
        : null;
      if (!order || order.requestingUnitId === null || order.requestingUnitId !== dispatchPolicy.liaisonUnit(tx.viewer)) {
        throw notFound('Dispatch order', input.orderId);
      }
      if (order.status !== 'REQUESTED' && order.status !== 'OPEN') {
        throw domainError(
          'INVALID_TRANSITION',
          `Vehicles are already on ${order.number} (${order.status}); call the transport dispatcher to cancel it.`,
          {
            reason: 'dispatchOrder/already_accepted',
            status: order.status,
          },
        );
      }
      return this.cancelLocked(tx, order, input.reason);
    });
  }

  private async cancelLocked(tx: Tx, order: DispatchOrder, reason: string): Promise<DispatchOrder> {
    const why = reason.trim();
    if (!why) throw domainError('BAD_USER_INPUT', 'Say why the order is cancelled.', { field: 'reason' });
    if (why.length > 300) throw domainError('BAD_USER_INPUT', 'Keep the reason to 300 characters.', { field: 'reason' });
    assertOrderTransition(order.number, order.status, 'CANCELLED');
    const active = await tx.em.find(VehicleAssignment, { orderId: order.id, releasedAt: null });
    const vehicles = new Map(
      (
        await this.lockVehicles(
          tx,
          active.map((a) => a.vehicleId),
        )
      ).map((v) => [v.id, v]),
    );
    for (const assignment of active) {
      const vehicle = vehicles.get(assignment.vehicleId)!;
      if (vehicle.status === 'ASSIGNED') {
        assignment.releasedAt = tx.now;
        moveVehicle(tx, vehicle, 'STANDBY', { orderId: order.id, note: `order ${order.number} cancelled` });
      } else if (vehicle.status === 'EN_ROUTE' || vehicle.status === 'ON_SITE') {
        moveVehicle(tx, vehicle, 'RETURNING', { orderId: order.id, note: `order ${order.number} cancelled` });
      }
    }
    const from = order.status;
    order.status = 'CANCELLED';
    order.cancelledAt = tx.now;
    order.cancelReason = why;
    await this.moveCargo(tx, order, from);
    emitOrder(tx, order, ['status']);
    return order;
  }

  /** The goods on the order follow its step, in this transaction (order-cargo.port.ts). */
  private async moveCargo(tx: Tx, order: DispatchOrder, from: DispatchOrderStatus): Promise<void> {
    await this.cargo()?.orderStepped(tx, {
      id: order.id,
      number: order.number,
      requisitionId: order.requisitionId ?? null,
      from,
      to: order.status,
    });
  }

  /**
   * Ends a vehicle's assignment: back to standby (or to maintenance when it came back needing
   * repair). Before departure this takes it off the order; the order reopens if it was the last.
   */
  async release(ctx: Context, input: ReleaseVehicleInput): Promise<Vehicle> {
    return commit(ctx, 'releaseVehicle', input, async (tx) => {
      if (input.toStatus !== 'STANDBY' && input.toStatus !== 'MAINTENANCE') {
        throw domainError('BAD_USER_INPUT', 'A released vehicle goes back to STANDBY or to MAINTENANCE.', { field: 'toStatus' });
      }
      if (!isUuid(input.vehicleId)) throw notFound('Vehicle', input.vehicleId);
      const seen = await tx.em.findOne(VehicleAssignment, { vehicleId: input.vehicleId, releasedAt: null });
      if (!seen) {
        const vehicle = await tx.em.findOne(Vehicle, { id: input.vehicleId });
        if (!vehicle) throw notFound('Vehicle', input.vehicleId);
        throw domainError('CONFLICT', `${vehicle.plate} is not on a job (it is ${vehicle.status}).`, {
          reason: 'vehicle/not_on_job',
          status: vehicle.status,
        });
      }
      // Lock order first, then vehicle: the same order as assigning, so the two cannot deadlock.
      const order = await this.lockOrder(tx, seen.orderId, null);
      const [vehicle] = await this.lockVehicles(tx, [input.vehicleId]);
      const assignment = await tx.em.findOne(VehicleAssignment, { id: seen.id }, { refresh: true });
      if (!vehicle || !assignment || assignment.releasedAt !== null) {
        throw domainError('CONFLICT', 'This vehicle was released meanwhile.', { reason: 'vehicle/already_released' });
      }
      if (vehicle.status === 'EN_ROUTE' || vehicle.status === 'ON_SITE') {
        throw domainError(
          'INVALID_TRANSITION',
          `${vehicle.plate} is still out on ${order.number}; mark the order completed (or cancel it) first.`,
          {
            reason: 'vehicle/still_out',
            status: vehicle.status,
          },
        );
      }
      assignment.releasedAt = tx.now;
      moveVehicle(tx, vehicle, input.toStatus, { orderId: order.id, note: input.note });
      if (order.status === 'ASSIGNED') {
        const others = await tx.em.count(VehicleAssignment, { orderId: order.id, releasedAt: null, id: { $ne: assignment.id } });
        if (others === 0) {
          assertOrderTransition(order.number, order.status, 'OPEN');
          order.status = 'OPEN';
        }
      }
      emitOrder(tx, order, ['assignments']);
      return vehicle;
    });
  }

  // ------------------------------------------------------------------------------ locking

  private async lockOrder(tx: Tx, id: string, expectedVersion: number | null | undefined): Promise<DispatchOrder> {
    const order = isUuid(id) ? await tx.em.findOne(DispatchOrder, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!order) throw notFound('Dispatch order', id);
    if (expectedVersion != null && order.version !== expectedVersion) {
      throw domainError('CONFLICT', `Someone changed ${order.number} meanwhile (it is now ${order.status}). Review it and try again.`, {
        reason: 'dispatchOrder/stale',
        currentVersion: order.version,
        currentStatus: order.status,
      });
    }
    return order;
  }

  /** Locks vehicles in id order (every caller does the same, so lock waits never form a cycle). */
  private async lockVehicles(tx: Tx, ids: readonly string[]): Promise<Vehicle[]> {
    if (ids.length === 0) return [];
    const malformed = ids.find((id) => !isUuid(id));
    if (malformed !== undefined) throw notFound('Vehicle', malformed);
    const vehicles = await tx.em.find(
      Vehicle,
      { id: { $in: [...ids] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true },
    );
    const missing = ids.find((id) => !vehicles.some((v) => v.id === id));
    if (missing) throw notFound('Vehicle', missing);
    return vehicles;
  }
}

function emitOrder(tx: Tx, order: DispatchOrder, changed: string[], kind: 'CREATED' | 'UPDATED' = 'UPDATED'): void {
  tx.emit({
    topic: DISPATCH_ORDER_TOPIC,
    entityType: 'DispatchOrder',
    entityId: order.id,
    kind,
    payload: {
      number: order.number,
      status: order.status,
      priority: order.priority,
      requestingUnitId: order.requestingUnitId ?? null,
      changed,
    },
  });
}
