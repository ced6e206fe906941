import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DispatchOrder } from './dispatch-order.entity';
import { TransportCompany } from './transport-company.entity';
import { VehicleAssignment } from './vehicle-assignment.entity';
import { Vehicle } from './vehicle.entity';

/**
 * Batched reads behind the dispatch field resolvers: every lookup asked for while one level
 * of a result is resolved becomes one `where id in (...)` query. One set per EntityManager,
 * i.e. per request and per subscription event, so nothing is cached across requests.
 */
export class DispatchLoaders {
  constructor(private readonly em: EntityManager) {}

  readonly company = new DataLoader<string, TransportCompany | null>(async (ids) => {
    const rows = await this.em.find(TransportCompany, { id: { $in: [...ids] } });
    return byKey(ids, rows, (r) => r.id);
  });

  readonly vehicle = new DataLoader<string, Vehicle | null>(async (ids) => {
    const rows = await this.em.find(Vehicle, { id: { $in: [...ids] } });
    return byKey(ids, rows, (r) => r.id);
  });

  readonly order = new DataLoader<string, DispatchOrder | null>(async (ids) => {
    const rows = await this.em.find(DispatchOrder, { id: { $in: [...ids] } });
    return byKey(ids, rows, (r) => r.id);
  });

  readonly vehiclesByCompany = new DataLoader<string, Vehicle[]>(async (companyIds) => {
    const rows = await this.em.find(Vehicle, { companyId: { $in: [...companyIds] } }, { orderBy: { plate: 'asc' } });
    return groupByKey(companyIds, rows, (r) => r.companyId);
  });

  /** Every assignment of an order, released ones included, oldest first. */
  readonly assignmentsByOrder = new DataLoader<string, VehicleAssignment[]>(async (orderIds) => {
    const rows = await this.em.find(VehicleAssignment, { orderId: { $in: [...orderIds] } }, { orderBy: { assignedAt: 'asc', id: 'asc' } });
    return groupByKey(orderIds, rows, (r) => r.orderId);
  });

  /** The assignment a vehicle is on now (the database allows at most one). */
  readonly activeAssignmentByVehicle = new DataLoader<string, VehicleAssignment | null>(async (vehicleIds) => {
    const rows = await this.em.find(VehicleAssignment, { vehicleId: { $in: [...vehicleIds] }, releasedAt: null });
    return byKey(vehicleIds, rows, (r) => r.vehicleId);
  });
}

const loaders = new WeakMap<EntityManager, DispatchLoaders>();

export function dispatchLoaders(em: EntityManager): DispatchLoaders {
  let found = loaders.get(em);
  if (!found) {
    found = new DispatchLoaders(em);
    loaders.set(em, found);
  }
  return found;
}

function byKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row)) ?? [];
    list.push(row);
    map.set(keyOf(row), list);
  }
  return keys.map((k) => map.get(k) ?? []);
}
