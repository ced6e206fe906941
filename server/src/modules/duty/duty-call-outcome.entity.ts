import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DUTY_CALL_OUTCOME_KINDS } from '@cc/shared';

const DutyCallOutcomeSchema = defineEntity({
  name: 'DutyCallOutcome',
  tableName: 'duty_call_outcome',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    callId: p.uuid(),
    kind: p.enum(DUTY_CALL_OUTCOME_KINDS).length(16),
    /** One of these per kind (database check), each a real foreign key. */
    incidentId: p.uuid().nullable(),
    dispatchOrderId: p.uuid().nullable(),
    label: p.string().length(300),
    createdAt: p.datetime(),
    createdById: p.uuid().nullable(),
    createdByName: p.string().length(100),
  },
});

/** What a call was turned into (an incident, a dispatch order), written in the same transaction as that record. */
export class DutyCallOutcome extends DutyCallOutcomeSchema.class {}
DutyCallOutcomeSchema.setClass(DutyCallOutcome);
export { DutyCallOutcomeSchema };
