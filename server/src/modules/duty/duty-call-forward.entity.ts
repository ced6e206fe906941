import { defineEntity, p } from '@mikro-orm/core';
import { WORKING_GROUPS } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const DutyCallForwardSchema = defineEntity({
  name: 'DutyCallForward',
  tableName: 'duty_call_forward',
  properties: {
    ...baseProperties,
    callId: p.uuid(),
    /** Exactly one of a working group and a member unit (database check). */
    targetGroup: p.enum(WORKING_GROUPS).length(16).nullable(),
    targetUnitId: p.uuid().nullable(),
    note: p.string().length(1000).nullable(),
    forwardedAt: p.datetime(),
    forwardedById: p.uuid().nullable(),
    forwardedByName: p.string().length(100),
    acknowledgedAt: p.datetime().nullable(),
    acknowledgedById: p.uuid().nullable(),
    acknowledgedByName: p.string().length(100).nullable(),
    acknowledgementNote: p.string().length(1000).nullable(),
  },
});

/** 运转: a call passed to a working group or a member unit, until the receiving side acknowledges it. */
export class DutyCallForward extends DutyCallForwardSchema.class {}
DutyCallForwardSchema.setClass(DutyCallForward);
export { DutyCallForwardSchema };
