import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DUTY_CALL_CORRECTABLE_FIELDS } from '@cc/shared';

const DutyCallCorrectionSchema = defineEntity({
  name: 'DutyCallCorrection',
  tableName: 'duty_call_correction',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    callId: p.uuid(),
    field: p.enum(DUTY_CALL_CORRECTABLE_FIELDS).length(20),
    previousValue: p.text().nullable(),
    newValue: p.text().nullable(),
    reason: p.string().length(500),
    correctedAt: p.datetime(),
    correctedById: p.uuid().nullable(),
    correctedByName: p.string().length(100),
  },
});

/** A correction of a logged call: appended, never changed (the database refuses UPDATE and DELETE). */
export class DutyCallCorrection extends DutyCallCorrectionSchema.class {}
DutyCallCorrectionSchema.setClass(DutyCallCorrection);
export { DutyCallCorrectionSchema };
