import { defineEntity, p } from '@mikro-orm/core';
import { CARGO_KINDS, CARGO_UNITS, DISPATCH_ORDER_STATUSES, WORKING_GROUPS } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const DispatchOrderSchema = defineEntity({
  name: 'DispatchOrder',
  tableName: 'dispatch_order',
  properties: {
    ...baseProperties,
    number: p.string().length(24).unique(),
    cargoKind: p.enum(CARGO_KINDS).length(32),
    cargoDescription: p.string().length(200).default(''),
    cargoAmount: p.decimal('number').precision(10).scale(2),
    cargoUnit: p.enum(CARGO_UNITS).length(12),
    origin: p.string().length(200),
    destination: p.string().length(200),
    greenChannel: p.boolean(),
    urgent: p.boolean().default(false),
    /** 1 (first) to 4: green-channel cargo before all other (三不一优先), urgent before routine. */
    priority: p.smallint(),
    requestedAt: p.datetime(),
    requestingGroup: p.enum(WORKING_GROUPS).length(16).nullable(),
    requestingUnitId: p.uuid().nullable(),
    incidentId: p.uuid().nullable(),
    callId: p.uuid().nullable(),
    requisitionId: p.uuid().nullable(),
    permitId: p.uuid().nullable(),
    notes: p.string().length(2000).default(''),
    status: p.enum(DISPATCH_ORDER_STATUSES).length(12),
    createdById: p.uuid().nullable(),
    createdByName: p.string().length(100).default(''),
    assignedAt: p.datetime().nullable(),
    departedAt: p.datetime().nullable(),
    arrivedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    cancelReason: p.string().length(300).default(''),
  },
});

/** 调度单: one transport job, from request to completion, and why it exists. */
export class DispatchOrder extends DispatchOrderSchema.class {}
DispatchOrderSchema.setClass(DispatchOrder);
export { DispatchOrderSchema };
