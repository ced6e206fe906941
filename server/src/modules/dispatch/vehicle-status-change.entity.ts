import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { VEHICLE_STATUSES } from '@cc/shared';

const VehicleStatusChangeSchema = defineEntity({
  name: 'VehicleStatusChange',
  tableName: 'vehicle_status_change',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    at: p.datetime(),
    vehicleId: p.uuid(),
    /** Null for the row written when the vehicle joined the fleet. */
    fromStatus: p.enum(VEHICLE_STATUSES).length(16).nullable(),
    toStatus: p.enum(VEHICLE_STATUSES).length(16),
    orderId: p.uuid().nullable(),
    byId: p.uuid().nullable(),
    byName: p.string().length(100).default(''),
    note: p.string().length(500).default(''),
  },
});

/** One line of a vehicle's history. Append-only: the table refuses updates and deletes. */
export class VehicleStatusChange extends VehicleStatusChangeSchema.class {}
VehicleStatusChangeSchema.setClass(VehicleStatusChange);
export { VehicleStatusChangeSchema };
