import type { IncidentService } from '../incident.service';
import { defineAlertRule } from '../../../core/alerts/alert-rule';

/**
 * A class-A (甲类) incident must reach the authorities above within 6 hours (002), so the leader
 * on duty is told the moment one is logged, not when its deadline nears: critical, it sounds and
 * escalates. It clears when the incident is reported upward (上报), or resolved or closed. A
 * reclassification to A raises it too, one back to B or C clears it. At the deadline it hands
 * over to incident-past-deadline (which then fires hourly), so the leader never has two critical
 * alerts about one incident; an incident logged already past its deadline gets only that one.
 */
export const incidentClassALoggedRule = (incidents: IncidentService) =>
  defineAlertRule({
    id: 'incident-class-a-logged',
    level: 'CRITICAL',
    group: 'DUTY',
    description: 'A class-A incident has been logged and is not yet reported upward (due within 6 h).',
    thresholds: {},
    escalationMinutes: 10,
    triggers: ['incident'],
    async evaluate({ em, now }) {
      const waiting = await incidents.awaitingReportUpward(em, ['A'], now);
      return waiting.map((incident) => ({
        dedupeKey: incident.id,
        source: { entityType: 'Incident', entityId: incident.id },
        group: incident.assignedGroup ?? 'DUTY',
        params: {
          title: incident.title,
          incidentClass: incident.incidentClass,
          reportedAt: incident.reportedAt.toISOString(),
          deadline: incident.reportingDeadline.toISOString(),
          location: incident.location,
        },
      }));
    },
    summary: (p) => `Class A incident "${p['title']}" was logged; report it upward by ${p['deadline']}.`,
  });
