import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CALL_UP_STAGES, SUPPORT_REQUEST_STATUSES } from '@cc/shared';
import { baseProperties } from '../../../core/database/base-entity';

const CallUpSchema = defineEntity({
  name: 'CallUp',
  tableName: 'call_up',
  properties: {
    ...baseProperties,
    title: p.string().length(200),
    stage: p.enum(CALL_UP_STAGES).length(20),
    openedAt: p.datetime(),
    openedByName: p.string().length(100),
    endedAt: p.datetime().nullable(),
  },
});

/** 应急物资调用: one emergency supply call-up, 本级调用 → 请求支援 → 紧急支援 → 响应结束 (plan 5). */
export class CallUp extends CallUpSchema.class {}
CallUpSchema.setClass(CallUp);
export { CallUpSchema };

const CallUpStepSchema = defineEntity({
  name: 'CallUpStep',
  tableName: 'call_up_step',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    callUpId: p.uuid(),
    stage: p.enum(CALL_UP_STAGES).length(20),
    note: p.string().length(500),
    at: p.datetime(),
    byId: p.uuid().nullable(),
    byName: p.string().length(100),
  },
});

/** One recorded step of a call-up: appended, never changed (the database refuses UPDATE and DELETE). */
export class CallUpStep extends CallUpStepSchema.class {}
CallUpStepSchema.setClass(CallUpStep);
export { CallUpStepSchema };

const SupportRequestSchema = defineEntity({
  name: 'SupportRequest',
  tableName: 'support_request',
  properties: {
    ...baseProperties,
    callUpId: p.uuid(),
    itemId: p.uuid(),
    quantity: p.integer(),
    askedOf: p.string().length(120),
    received: p.integer().default(0),
    status: p.enum(SUPPORT_REQUEST_STATUSES).length(20),
    requestedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
    closingIntakeId: p.uuid().nullable(),
  },
});

/** A request for allocation from above (上级下拨), tracked until the intake that closes it. */
export class SupportRequest extends SupportRequestSchema.class {}
SupportRequestSchema.setClass(SupportRequest);
export { SupportRequestSchema };

const SupportRequestIntakeSchema = defineEntity({
  name: 'SupportRequestIntake',
  tableName: 'support_request_intake',
  properties: {
    intakeId: p.uuid().primary(),
    requestId: p.uuid(),
    quantity: p.integer(),
  },
});

/** An intake counted towards a support request (an intake counts once). */
export class SupportRequestIntake extends SupportRequestIntakeSchema.class {}
SupportRequestIntakeSchema.setClass(SupportRequestIntake);
export { SupportRequestIntakeSchema };
