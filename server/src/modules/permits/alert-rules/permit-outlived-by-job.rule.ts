import { permitOutlivedBy } from '@cc/shared';
import { defineAlertRule } from '../../../core/alerts/alert-rule';
import type { PermitLinksService } from '../permit-links.service';

const MINUTE_MS = 60_000;

/**
 * A vehicle on the road (departed, not yet back) whose permit does not last the job: revoked,
 * ended, ending before the job's expected end, or — the job running late — ending within the
 * lead time. Checkpoints would stop it (issue 21). Clears when the vehicle is released or a
 * permit that covers the job is attached.
 */
export const permitOutlivedByJobRule = (links: PermitLinksService) =>
  defineAlertRule({
    id: 'permit-outlived-by-job',
    level: 'WARNING',
    group: 'TRANSPORT',
    description: 'A job under way will outlive the permit its vehicle travels under.',
    thresholds: {
      leadMinutes: {
        default: 60,
        min: 10,
        max: 24 * 60,
        unit: 'minutes',
        description: 'For a job running past its expected end: warn this long before its permit ends.',
      },
    },
    escalationMinutes: null,
    triggers: ['dispatchOrder', 'permitLink'],
    async evaluate({ em, now }, { leadMinutes }) {
      const running = await links.jobsUnderWay(em);
      return running.flatMap(({ link, job, permit }) => {
        const why = permitOutlivedBy({ expectedEndAt: link.expectedEndAt }, permit, now, leadMinutes * MINUTE_MS);
        if (why === null) return [];
        return [
          {
            // One alert per job and permit: attaching another permit is a new condition.
            dedupeKey: `${link.assignmentId}:${permit.id}`,
            source: { entityType: 'DispatchOrder', entityId: job.orderId },
            params: {
              permitOutlivedReason: why,
              plate: job.plate,
              orderNumber: job.orderNumber,
              permitNumber: permit.number,
              permitEndsAt: permit.validUntil.toISOString(),
              expectedEndAt: link.expectedEndAt.toISOString(),
            },
          },
        ];
      });
    },
    summary: (p) => `${p['plate']} on ${p['orderNumber']} will outlive permit ${p['permitNumber']} (${p['permitOutlivedReason']}).`,
  });
