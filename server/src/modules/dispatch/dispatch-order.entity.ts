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
    /**
     * Unchecked for now: the duty calls (callId), logistics requisitions (requisitionId) and
     * permits (permitId) these point at belong to modules that do not exist yet, so there is
     * no table to refer to. The plan (ADR 0009, "References to modules still to come"): the
     * module that owns the table adds the foreign key in its own migration — after nulling the
     * values that match no row of its table (they were only ever format-checked), as
     * `on delete set null`, immediate like the keys to incident and member_unit.
     */
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
