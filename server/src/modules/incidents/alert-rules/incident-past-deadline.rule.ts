import type { IncidentService } from '../incident.service';
import { defineAlertRule, periodsSince } from '../../../core/alerts/alert-rule';

const MINUTE = 60_000;

/**
 * An open incident past its reporting deadline (002: class A 6 h, B 12 h, C 24 h) and still not
 * reported upward is the leader's to chase: critical, it sounds and escalates. It clears when the
 * incident is reported upward (上报: the act the deadline is about), or resolved or closed. While
 * it stands it fires again every `repeatMinutes` (folded, counted).
 */
export const incidentPastDeadlineRule = (incidents: IncidentService) =>
  defineAlertRule({
    id: 'incident-past-deadline',
    level: 'CRITICAL',
    group: 'DUTY',
    description: 'An open incident has not been reported upward by its reporting deadline (A 6 h, B 12 h, C 24 h).',
    thresholds: {
      graceMinutes: { default: 0, min: 0, max: 240, unit: 'minutes', description: 'How long after the deadline before it is raised.' },
      repeatMinutes: {
        default: 60,
        min: 5,
        max: 1440,
        unit: 'minutes',
        description: 'It fires again (folded into the same alert) this often while the incident stays open.',
      },
    },
    escalationMinutes: 10,
    triggers: ['incident'],
    async evaluate({ em, now }, { graceMinutes, repeatMinutes }) {
      const graceMs = graceMinutes * MINUTE;
      const overdue = await incidents.openPastDeadline(em, new Date(now.getTime() - graceMs));
      return overdue.map((incident) => ({
        dedupeKey: incident.id,
        source: { entityType: 'Incident', entityId: incident.id },
        group: incident.assignedGroup ?? 'DUTY',
        recurrence: periodsSince(new Date(incident.reportingDeadline.getTime() + graceMs), now, repeatMinutes),
        params: {
          title: incident.title,
          incidentClass: incident.incidentClass,
          deadline: incident.reportingDeadline.toISOString(),
          location: incident.location,
        },
      }));
    },
    summary: (p) => `Incident "${p['title']}" (class ${p['incidentClass']}) is past its reporting deadline of ${p['deadline']}.`,
  });
