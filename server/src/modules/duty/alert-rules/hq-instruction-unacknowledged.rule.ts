import { HQ_INSTRUCTION_ACK_MINUTES } from '@cc/shared';
import { defineAlertRule, periodsSince } from '../../../core/alerts/alert-rule';
import type { HqInstructionService } from '../hq-instruction.service';

const MINUTE = 60_000;

/**
 * A copy of an HQ instruction nobody of its target has signed for (签收) within N minutes: the
 * instruction has not reached them. The alert is the target group's (a member unit's copy is
 * the duty group's to chase); it clears when they sign, and fires again every further N minutes.
 */
export const hqInstructionUnacknowledgedRule = (instructions: HqInstructionService) =>
  defineAlertRule({
    id: 'hq-instruction-unacknowledged',
    level: 'WARNING',
    group: 'DUTY',
    description: 'A working group or member unit has not acknowledged an HQ instruction within the set time.',
    thresholds: {
      minutes: {
        default: HQ_INSTRUCTION_ACK_MINUTES,
        min: 1,
        max: 1440,
        unit: 'minutes',
        description: 'Minutes after the instruction was distributed.',
      },
    },
    escalationMinutes: null,
    triggers: ['hqInstruction'],
    async evaluate({ em, now }, { minutes }) {
      const waiting = await instructions.waitingSince(em, new Date(now.getTime() - minutes * MINUTE));
      return waiting.map(({ delivery, instruction }) => ({
        dedupeKey: delivery.id,
        source: { entityType: 'HqInstruction', entityId: instruction.id },
        group: delivery.targetGroup ?? 'DUTY',
        recurrence: Math.max(0, periodsSince(delivery.deliveredAt, now, minutes) - 1),
        params: {
          source: instruction.source,
          content: instruction.content.length > 60 ? `${instruction.content.slice(0, 60)}…` : instruction.content,
          target: delivery.targetGroup ?? delivery.targetUnitName,
          minutes,
        },
      }));
    },
    summary: (p) =>
      `${p['target']} has not acknowledged the instruction from ${p['source']} within ${p['minutes']} minutes: ${p['content']}`,
  });
