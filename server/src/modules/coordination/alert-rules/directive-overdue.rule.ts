import { DIRECTIVE_OVERDUE_GRACE_MINUTES } from '@cc/shared';
import { defineAlertRule } from '../../../core/alerts/alert-rule';
import type { DirectiveService } from '../directive.service';

const MINUTE = 60_000;

/**
 * A directive still open past its deadline (plus the grace an administrator may allow): HQ's
 * task is late. It is critical, so it goes to the leader on duty first (the duty roster's
 * escalation order) and moves round the leaders while nobody acknowledges it; it clears when the
 * last assignee finishes.
 */
export const directiveOverdueRule = (directives: DirectiveService) =>
  defineAlertRule({
    id: 'directive-overdue',
    level: 'CRITICAL',
    group: 'COORDINATION',
    description: 'A directive (交办事项) is still open past its deadline.',
    thresholds: {
      graceMinutes: {
        default: DIRECTIVE_OVERDUE_GRACE_MINUTES,
        min: 0,
        max: 1440,
        unit: 'minutes',
        description: 'Minutes past the deadline before the alert is raised.',
      },
    },
    escalationMinutes: 30,
    triggers: ['directive'],
    async evaluate({ em, now }, { graceMinutes }) {
      const late = await directives.overdue(em, new Date(now.getTime() - graceMinutes * MINUTE));
      return late.map((directive) => ({
        dedupeKey: directive.id,
        source: { entityType: 'Directive', entityId: directive.id },
        params: {
          title: directive.title.length > 60 ? `${directive.title.slice(0, 60)}…` : directive.title,
          owner: directive.ownerName,
          deadline: directive.deadline.toISOString(),
        },
      }));
    },
    summary: (p) => `The directive “${p['title']}” (owner ${p['owner']}) is past its deadline ${p['deadline']}.`,
  });
