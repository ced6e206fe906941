import { defineEntity, p } from '@mikro-orm/core';
import { VEHICLE_STATUSES, VEHICLE_TYPES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const VehicleSchema = defineEntity({
  name: 'Vehicle',
  tableName: 'vehicle',
  properties: {
    ...baseProperties,
    /** Plain id rather than a relation: views load each level in one query (dispatch.views.ts). */
    companyId: p.uuid(),
    plate: p.string().length(16).unique(),
    vehicleType: p.enum(VEHICLE_TYPES).length(24),
    capacityTonnes: p.decimal('number').precision(6).scale(2),
    driverName: p.string().length(40),
    driverPhone: p.string().length(20),
    /** The last check that the vehicle is in good condition (车况完好), as a date. */
    conditionCheckedOn: p.date(),
    notes: p.string().length(1000).default(''),
    status: p.enum(VEHICLE_STATUSES).length(16).default('STANDBY'),
    statusSince: p.datetime(),
  },
});

/** 车辆: an emergency transport vehicle and where it is in the standby → job → standby cycle. */
export class Vehicle extends VehicleSchema.class {}
VehicleSchema.setClass(Vehicle);
export { VehicleSchema };
