import type { IncidentService } from '../incident.service';
import { defineAlertRule, periodsSince } from '../../../core/alerts/alert-rule';

const MINUTE = 60_000;

/**
 * An incident nobody has acknowledged within N minutes: the duty group has not picked it up
 * (早发现、早报告). It clears as soon as anyone acknowledges, starts or resolves it; every further
 * N minutes without that it fires again, folded into the same alert.
 */
export const incidentUnacknowledgedRule = (incidents: IncidentService) =>
  defineAlertRule({
    id: 'incident-unacknowledged',
    level: 'WARNING',
    group: 'DUTY',
    description: 'An incident has not been acknowledged within the set time.',
    thresholds: {
      minutes: { default: 15, min: 1, max: 720, unit: 'minutes', description: 'Minutes after it was reported.' },
    },
    escalationMinutes: null,
    triggers: ['incident'],
    async evaluate({ em, now }, { minutes }) {
      const waiting = await incidents.unacknowledgedSince(em, new Date(now.getTime() - minutes * MINUTE));
      return waiting.map((incident) => ({
        dedupeKey: incident.id,
        source: { entityType: 'Incident', entityId: incident.id },
        group: incident.assignedGroup ?? 'DUTY',
        // 1 at the first threshold, 2 at twice the threshold...: the first is the raise itself.
        recurrence: Math.max(0, periodsSince(incident.reportedAt, now, minutes) - 1),
        params: {
          title: incident.title,
          incidentClass: incident.incidentClass,
          reportedAt: incident.reportedAt.toISOString(),
          minutes,
        },
      }));
    },
    summary: (p) => `Incident "${p['title']}" has not been acknowledged ${p['minutes']} minutes after it was reported.`,
  });
