import { defineAlertRule } from '../../../core/alerts/alert-rule';
import type { DocumentService } from '../document.service';

/**
 * A copy routed for sign-off (签收) still unsigned at its due time: the document has not been
 * received where it must be. The coordination group's alert (they chase it with a reminder); it
 * clears when the copy is signed.
 */
export const documentSignoffOverdueRule = (documents: DocumentService) =>
  defineAlertRule({
    id: 'document-signoff-overdue',
    level: 'WARNING',
    group: 'COORDINATION',
    description: 'A document routed for sign-off has not been signed for by its due time.',
    thresholds: {
      graceMinutes: {
        default: 0,
        min: 0,
        max: 1440,
        unit: 'minutes',
        description: 'Minutes after the due time before the alert is raised.',
      },
    },
    escalationMinutes: null,
    triggers: ['document'],
    async evaluate({ em, now }, { graceMinutes }) {
      const overdue = await documents.overdueSignoffs(em, new Date(now.getTime() - graceMinutes * 60_000));
      return overdue.map(({ routing, document }) => ({
        dedupeKey: routing.id,
        source: { entityType: 'Document', entityId: document.id },
        params: {
          docNumber: document.docNumber,
          title: document.title.length > 60 ? `${document.title.slice(0, 60)}…` : document.title,
          target: routing.targetGroup ?? routing.targetName,
          dueAt: routing.dueAt?.toISOString() ?? '',
        },
      }));
    },
    summary: (p) => `${p['target']} has not signed for document ${p['docNumber']} (${p['title']}), due ${p['dueAt']}.`,
  });
