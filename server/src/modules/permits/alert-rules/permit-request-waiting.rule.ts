import { PERMIT_WAIT_MINUTES } from '@cc/shared';
import { defineAlertRule, periodsSince } from '../../../core/alerts/alert-rule';
import type { PermitRequestService } from '../permit-request.service';

const MINUTE = 60_000;

/**
 * A request left in the review queue too long: the vehicle is waiting at the roadside. Green-channel
 * cargo (三不一优先) has the tighter limit. The alert is the transport group's; it clears as soon as
 * the request is reviewed (approved, rejected, asked for more) or withdrawn, and fires again every
 * further period it waits.
 */
export const permitRequestWaitingRule = (requests: PermitRequestService) =>
  defineAlertRule({
    id: 'permit-request-waiting',
    level: 'WARNING',
    group: 'TRANSPORT',
    description: 'A traffic-permit request has waited in the review queue longer than the set time (green channel: the shorter one).',
    thresholds: {
      greenMinutes: {
        default: PERMIT_WAIT_MINUTES.green,
        min: 1,
        max: 1440,
        unit: 'minutes',
        description: 'Minutes a green-channel (epidemic supplies) request may wait.',
      },
      otherMinutes: {
        default: PERMIT_WAIT_MINUTES.other,
        min: 1,
        max: 2880,
        unit: 'minutes',
        description: 'Minutes any other request may wait.',
      },
    },
    escalationMinutes: null,
    triggers: ['permitRequest'],
    async evaluate({ em, now }, { greenMinutes, otherMinutes }) {
      const [green, other] = await Promise.all([
        requests.waitingSince(em, new Date(now.getTime() - greenMinutes * MINUTE), true),
        requests.waitingSince(em, new Date(now.getTime() - otherMinutes * MINUTE), false),
      ]);
      return [...green.map((r) => [r, greenMinutes] as const), ...other.map((r) => [r, otherMinutes] as const)].map(
        ([request, minutes]) => ({
          // Per time in the queue: answered and back again is a new wait, and a new alert.
          dedupeKey: `${request.id}@${request.submittedAt.toISOString()}`,
          source: { entityType: 'PermitRequest', entityId: request.id },
          recurrence: Math.max(0, periodsSince(request.submittedAt, now, minutes) - 1),
          params: {
            applicant: request.applicantName,
            plate: request.plate,
            cargoKind: request.cargoKind,
            greenChannel: request.greenChannel ? 1 : 0,
            minutes,
          },
        }),
      );
    },
    summary: (p) => `The permit request of ${p['applicant']} (${p['plate']}) has waited for review more than ${p['minutes']} minutes.`,
  });
