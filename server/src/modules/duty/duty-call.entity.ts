import { defineEntity, p } from '@mikro-orm/core';
import { DUTY_CALL_CATEGORIES, DUTY_CALL_STATUSES, DUTY_CALL_URGENCIES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const DutyCallSchema = defineEntity({
  name: 'DutyCall',
  tableName: 'duty_call',
  properties: {
    ...baseProperties,
    /** ZB-yyyymmdd-nnn: gap-free per HQ day of logging (the day's counter row, taken in the same transaction). */
    number: p.string().length(20).unique(),
    /** The HQ day the call was logged on: its number's day and its place in that day's log. */
    hqDay: p.date(),
    sequence: p.integer(),
    receivedAt: p.datetime(),
    loggedAt: p.datetime(),
    callerName: p.string().length(100),
    callerPhone: p.string().length(30).nullable(),
    unitId: p.uuid().nullable(),
    unitText: p.string().length(200).nullable(),
    category: p.enum(DUTY_CALL_CATEGORIES).length(20),
    urgency: p.enum(DUTY_CALL_URGENCIES).length(10),
    summary: p.string().length(2000),
    notes: p.text().nullable(),
    status: p.enum(DUTY_CALL_STATUSES).length(10),
    loggedById: p.uuid().nullable(),
    loggedByName: p.string().length(100),
    claimedById: p.uuid().nullable(),
    claimedByName: p.string().length(100).nullable(),
    claimedAt: p.datetime().nullable(),
    /** First forwarded (运转): the end of "logged → forwarded" on the leader's board. */
    forwardedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    closeNote: p.string().length(1000).nullable(),
  },
});

/** 值班记录: one call to the duty phone, as logged; changed afterwards only through appended corrections. */
export class DutyCall extends DutyCallSchema.class {}
DutyCallSchema.setClass(DutyCall);
export { DutyCallSchema };
