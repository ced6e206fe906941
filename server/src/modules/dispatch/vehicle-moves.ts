import type { VehicleStatus } from '@cc/shared';
import type { Tx } from '../../core/unit-of-work';
import { assertVehicleTransition, cleanVehicleNote } from './dispatch.rules';
import { VEHICLE_TOPIC } from './dispatch.events';
import { VehicleStatusChange } from './vehicle-status-change.entity';
import type { Vehicle } from './vehicle.entity';

export interface VehicleMove {
  /** The order the vehicle is (or was, when released) on. */
  orderId?: string | null;
  note?: string;
}

/**
 * The one place a vehicle's status changes: checks the transition, records the history line
 * and emits the vehicle event, all inside the caller's unit of work.
 * The caller holds the vehicle's row lock.
 */
export function moveVehicle(tx: Tx, vehicle: Vehicle, to: VehicleStatus, move: VehicleMove = {}): void {
  const from = vehicle.status;
  assertVehicleTransition(vehicle.plate, from, to);
  const note = cleanVehicleNote(move.note);
  vehicle.status = to;
  vehicle.statusSince = tx.now;
  tx.em.persist(
    tx.em.create(VehicleStatusChange, {
      at: tx.now,
      vehicleId: vehicle.id,
      fromStatus: from,
      toStatus: to,
      orderId: move.orderId ?? null,
      byId: tx.viewer?.userId ?? null,
      byName: tx.viewer?.displayName ?? '',
      note,
    }),
  );
  emitVehicle(tx, vehicle, ['status'], to === 'STANDBY' || to === 'MAINTENANCE' || to === 'OFF_DUTY' ? null : (move.orderId ?? null));
}

export function emitVehicle(
  tx: Tx,
  vehicle: Vehicle,
  changed: string[],
  orderId: string | null,
  kind: 'CREATED' | 'UPDATED' = 'UPDATED',
): void {
  tx.emit({
    topic: VEHICLE_TOPIC,
    entityType: 'Vehicle',
    entityId: vehicle.id,
    kind,
    payload: { companyId: vehicle.companyId, status: vehicle.status, orderId, changed },
  });
}
