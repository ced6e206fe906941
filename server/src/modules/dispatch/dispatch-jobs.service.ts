import type { EntityManager } from '@mikro-orm/postgresql';
import type { CargoKind, DispatchOrderStatus } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { VehicleAssignment } from './vehicle-assignment.entity';

/** One vehicle on one dispatch order, as the permits module sees it (it never reads dispatch's tables). */
export interface AssignmentJob {
  assignmentId: string;
  orderId: string;
  orderNumber: string;
  orderStatus: DispatchOrderStatus;
  vehicleId: string;
  plate: string;
  driverName: string;
  cargoKind: CargoKind;
  origin: string;
  destination: string;
  requestedAt: Date;
  departedAt: Date | null;
  releasedAt: Date | null;
}

interface JobRow {
  assignment_id: string;
  order_id: string;
  order_number: string;
  order_status: DispatchOrderStatus;
  vehicle_id: string;
  plate: string;
  driver_name: string;
  cargo_kind: CargoKind;
  origin: string;
  destination: string;
  requested_at: Date | string;
  departed_at: Date | string | null;
  released_at: Date | string | null;
}

const SELECT = `select a.id as assignment_id, o.id as order_id, o.number as order_number, o.status as order_status,
    v.id as vehicle_id, v.plate, v.driver_name, o.cargo_kind, o.origin, o.destination, o.requested_at, o.departed_at, a.released_at
  from vehicle_assignment a join dispatch_order o on o.id = a.order_id join vehicle v on v.id = a.vehicle_id`;

/**
 * The jobs of the dispatch module for a sibling that links records to them (the permits
 * module attaches a permit to a vehicle's job and watches jobs under way): read-only, by
 * assignment, and one query however many.
 */
export class DispatchJobsService {
  /**
   * One job; with `lock`, the assignment row is locked for the caller's transaction, so the
   * vehicle cannot be released while something is being attached to its job.
   */
  async job(em: EntityManager, assignmentId: string, lock = false): Promise<AssignmentJob | null> {
    if (!isUuid(assignmentId)) return null;
    const rows = await em.execute<JobRow[]>(`${SELECT} where a.id = ?${lock ? ' for update of a' : ''}`, [assignmentId]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  /** Every job under way: the vehicle has left and is not released yet (at most one per vehicle). */
  async underWay(em: EntityManager): Promise<AssignmentJob[]> {
    const rows = await em.execute<JobRow[]>(`${SELECT} where a.released_at is null and o.departed_at is not null`);
    return rows.map(toJob);
  }

  /** The assignment record itself (what the API returns as a VehicleAssignment). */
  async assignment(em: EntityManager, assignmentId: string): Promise<VehicleAssignment | null> {
    return isUuid(assignmentId) ? em.findOne(VehicleAssignment, { id: assignmentId }) : null;
  }

  async jobs(em: EntityManager, assignmentIds: readonly string[]): Promise<AssignmentJob[]> {
    const ids = assignmentIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await em.execute<JobRow[]>(`${SELECT} where a.id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
    return rows.map(toJob);
  }
}

/** A job under way: the vehicle has left and is not back (released) yet, whatever became of the order. */
export function jobUnderWay(job: Pick<AssignmentJob, 'departedAt' | 'releasedAt'>): boolean {
  return job.departedAt !== null && job.releasedAt === null;
}

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function toJob(row: JobRow): AssignmentJob {
  return {
    assignmentId: row.assignment_id,
    orderId: row.order_id,
    orderNumber: row.order_number,
    orderStatus: row.order_status,
    vehicleId: row.vehicle_id,
    plate: row.plate,
    driverName: row.driver_name,
    cargoKind: row.cargo_kind,
    origin: row.origin,
    destination: row.destination,
    requestedAt: date(row.requested_at),
    departedAt: row.departed_at === null ? null : date(row.departed_at),
    releasedAt: row.released_at === null ? null : date(row.released_at),
  };
}
