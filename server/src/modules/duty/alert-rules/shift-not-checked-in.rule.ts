import { hqClock } from '@cc/shared';
import { defineAlertRule, periodsSince } from '../../../core/alerts/alert-rule';
import { DUTY_SHIFT_TOPIC } from '../duty.events';
import type { RosterService } from '../roster.service';

const MINUTE = 60_000;

/**
 * 脱岗: a shift that started N minutes ago (default 15) with nobody checked in. Critical: the
 * post may be empty, so it escalates to the leader on duty and on. It clears at the first
 * check-in or when the shift ends; every further N minutes it fires again, folded in.
 */
export const shiftNotCheckedInRule = (roster: RosterService) =>
  defineAlertRule({
    id: 'shift-not-checked-in',
    level: 'CRITICAL',
    group: 'DUTY',
    description: 'A shift started and nobody on it has checked in after the grace period.',
    thresholds: {
      checkInGraceMinutes: { default: 15, min: 1, max: 240, unit: 'minutes', description: 'Minutes after the shift starts.' },
    },
    escalationMinutes: 10,
    triggers: [DUTY_SHIFT_TOPIC],
    async evaluate({ em, now }, { checkInGraceMinutes }) {
      const running = await roster.onDutyAt(em, now);
      return running
        .filter((s) => now.getTime() - s.startsAt.getTime() >= checkInGraceMinutes * MINUTE)
        .filter((s) => s.members.length > 0 && s.members.every((m) => m.checkedInAt === null))
        .map((s) => {
          const start = hqClock(s.startsAt);
          return {
            dedupeKey: s.id,
            source: { entityType: 'DutyShift', entityId: s.id },
            recurrence: Math.max(0, periodsSince(s.startsAt, now, checkInGraceMinutes) - 1),
            params: {
              startsAt: s.startsAt.toISOString(),
              startLabel: `${start.day.slice(5)} ${start.time}`,
              members: s.members.map((m) => m.displayName).join('、'),
              minutes: checkInGraceMinutes,
            },
          };
        });
    },
    summary: (p) => `Nobody has checked in to the shift that started at ${p['startLabel']} (HQ time): ${p['members']}.`,
  });
