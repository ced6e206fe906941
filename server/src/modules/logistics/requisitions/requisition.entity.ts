import { defineEntity, p } from '@mikro-orm/core';
import { REQUISITION_STATUSES, REQUISITION_URGENCIES } from '@cc/shared';
import { baseProperties } from '../../../core/database/base-entity';

const RequisitionSchema = defineEntity({
  name: 'Requisition',
  tableName: 'requisition',
  properties: {
    ...baseProperties,
    number: p.string().length(24).unique(),
    unitId: p.uuid(),
    unitName: p.string().length(120),
    urgency: p.enum(REQUISITION_URGENCIES).length(20),
    purpose: p.string().length(500),
    /** The unit head (一把手) who signed the paper form; the liaison attests the signature. */
    headName: p.string().length(60),
    deliverTo: p.string().length(200),
    status: p.enum(REQUISITION_STATUSES).length(20),
    /** The HQ day whose allocation plan this need belongs to (received by 11:00 → that day). */
    planDay: p.string().length(10),
    submittedAt: p.datetime(),
    submittedById: p.uuid().nullable(),
    submittedByName: p.string().length(100),
    decidedAt: p.datetime().nullable(),
    decidedById: p.uuid().nullable(),
    decidedByName: p.string().length(100).default(''),
    decisionReason: p.string().length(300).default(''),
    deliveredAt: p.datetime().nullable(),
  },
});

/** 防控物资申请审批单: one unit's request for supplies, signed by its head, decided by logistics. */
export class Requisition extends RequisitionSchema.class {}
RequisitionSchema.setClass(Requisition);
export { RequisitionSchema };

const RequisitionLineSchema = defineEntity({
  name: 'RequisitionLine',
  tableName: 'requisition_line',
  properties: {
    ...baseProperties,
    requisitionId: p.uuid(),
    position: p.smallint(),
    itemId: p.uuid(),
    itemName: p.string().length(60),
    unitOfMeasure: p.string().length(10),
    requested: p.integer(),
    /** Null until decided; 0 when the line is refused. */
    approved: p.integer().nullable(),
  },
});

/** One item and quantity of a requisition. */
export class RequisitionLine extends RequisitionLineSchema.class {}
RequisitionLineSchema.setClass(RequisitionLine);
export { RequisitionLineSchema };
