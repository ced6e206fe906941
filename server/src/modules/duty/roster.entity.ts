import { defineEntity, p } from '@mikro-orm/core';
import { DUTY_ROLES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const DutyShiftSchema = defineEntity({
  name: 'DutyShift',
  tableName: 'duty_shift',
  properties: {
    ...baseProperties,
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    note: p.string().length(200).default(''),
    createdById: p.uuid().nullable(),
  },
});

/** 班次: one shift of the 24-hour watch, from its start to its end (may cross HQ midnight). */
export class DutyShift extends DutyShiftSchema.class {}
DutyShiftSchema.setClass(DutyShift);

const DutyShiftMemberSchema = defineEntity({
  name: 'DutyShiftMember',
  tableName: 'duty_shift_member',
  properties: {
    ...baseProperties,
    shiftId: p.uuid(),
    userId: p.uuid(),
    role: p.enum(DUTY_ROLES).length(8),
    /** When the member checked in (签到) for the shift; null until then. */
    checkedInAt: p.datetime().nullable(),
  },
});

/** One person on a shift in one role: 值班员, 带班领导 or 备班. At most once per shift. */
export class DutyShiftMember extends DutyShiftMemberSchema.class {}
DutyShiftMemberSchema.setClass(DutyShiftMember);

export { DutyShiftSchema, DutyShiftMemberSchema };
