import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';

const VehicleAssignmentSchema = defineEntity({
  name: 'VehicleAssignment',
  tableName: 'vehicle_assignment',
  properties: {
    ...baseProperties,
    orderId: p.uuid(),
    vehicleId: p.uuid(),
    assignedById: p.uuid().nullable(),
    /** Kept as it was when assigned: the conflict message names who took the vehicle. */
    assignedByName: p.string().length(100),
    assignedAt: p.datetime(),
    /** Null while the vehicle is on this job; the database allows one such row per vehicle. */
    releasedAt: p.datetime().nullable(),
  },
});

/** A vehicle on a dispatch order, from assignment until it is released back to standby. */
export class VehicleAssignment extends VehicleAssignmentSchema.class {}
VehicleAssignmentSchema.setClass(VehicleAssignment);
export { VehicleAssignmentSchema };
