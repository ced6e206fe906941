import { DISPATCH_ORDER_ACTIVE_STATUSES, type VehicleStatus } from '@cc/shared';
import type { HandoverItemsSource } from '../../core/handover-items';
import type { DispatchOrderService } from './dispatch-order.service';
import type { FleetService } from './fleet.service';

/** A vehicle on a job, from assignment until it is back on standby. */
const OUT: readonly VehicleStatus[] = ['ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'RETURNING'];

/** What transport hands over: the orders still under way and the vehicles out on them. */
export function dispatchHandoverItems(fleet: FleetService, orders: DispatchOrderService): HandoverItemsSource {
  return async (em) => {
    const [vehicles, active] = await Promise.all([
      fleet.vehicles(em.fork()),
      orders.list(em.fork(), { statuses: DISPATCH_ORDER_ACTIVE_STATUSES, first: 500 }),
    ]);
    return [
      ...active.map((order) => ({
        kind: 'DISPATCH_ORDER_UNDER_WAY',
        label: `${order.number} ${order.origin} → ${order.destination} (${order.status})`,
        target: { entityType: 'DispatchOrder', entityId: order.id },
        severity: order.urgent ? ('WARNING' as const) : ('INFO' as const),
        dueAt: order.requestedAt,
      })),
      ...vehicles
        .filter((vehicle) => OUT.includes(vehicle.status))
        .map((vehicle) => ({
          kind: 'VEHICLE_OUT',
          label: `${vehicle.plate} ${vehicle.driverName} (${vehicle.status})`,
          target: { entityType: 'Vehicle', entityId: vehicle.id },
          severity: 'INFO' as const,
          dueAt: vehicle.statusSince,
        })),
    ];
  };
}
