import { defineAlertRule, periodsSince } from '../../core/alerts/alert-rule';
import type { DutyCallService } from './duty-call.service';

const MINUTE = 60_000;

/**
 * A forward (运转) the receiving side has not acknowledged within N minutes: the call may be lying
 * unread. The alert goes to the receiving working group (a member unit's forward to the duty group,
 * which follows up by phone). It clears on acknowledgement; every further N minutes it fires again.
 */
export const dutyForwardUnacknowledgedRule = (calls: DutyCallService) =>
  defineAlertRule({
    id: 'duty-forward-unacknowledged',
    level: 'WARNING',
    group: 'DUTY',
    description: 'A forwarded duty call has not been acknowledged by its receiver within the set time.',
    thresholds: {
      minutes: { default: 15, min: 1, max: 720, unit: 'minutes', description: 'Minutes after it was forwarded.' },
    },
    escalationMinutes: null,
    triggers: ['dutyCall'],
    async evaluate({ em, now }, { minutes }) {
      const waiting = await calls.unacknowledgedSince(em, new Date(now.getTime() - minutes * MINUTE));
      return waiting.map(({ forward, callNumber }) => ({
        dedupeKey: forward.id,
        source: { entityType: 'DutyCall', entityId: forward.callId },
        group: forward.targetGroup ?? 'DUTY',
        recurrence: Math.max(0, periodsSince(forward.forwardedAt, now, minutes) - 1),
        params: {
          number: callNumber,
          target: forward.targetGroup ?? forward.targetUnitId ?? '',
          forwardedAt: forward.forwardedAt.toISOString(),
          minutes,
        },
      }));
    },
    summary: (p) => `Duty call ${p['number']} forwarded to ${p['target']} has not been acknowledged after ${p['minutes']} minutes.`,
  });
