import { HANDOVER_NEAR_DEADLINE_HOURS, INCIDENT_CLASSES } from '@cc/shared';
import type { HandoverItemsSource } from '../../core/handover-items';
import type { IncidentService } from './incident.service';

const HOUR = 3_600_000;

/**
 * The incidents a shift hands over: open ones not yet reported upward whose reporting deadline
 * (002: A 6 h, B 12 h, C 24 h) has passed, or falls within the next two hours.
 */
export function incidentHandoverItems(incidents: IncidentService): HandoverItemsSource {
  return async (em, { now }) => {
    const [past, awaiting] = await Promise.all([
      incidents.openPastDeadline(em.fork(), now),
      incidents.awaitingReportUpward(em.fork(), INCIDENT_CLASSES, now),
    ]);
    const soon = now.getTime() + HANDOVER_NEAR_DEADLINE_HOURS * HOUR;
    return [
      ...past.map((incident) => ({
        kind: 'INCIDENT_PAST_DEADLINE',
        label: `${incident.incidentClass} · ${incident.title}`,
        target: { entityType: 'Incident', entityId: incident.id },
        severity: 'CRITICAL' as const,
        dueAt: incident.reportingDeadline,
      })),
      ...awaiting
        .filter((incident) => incident.reportingDeadline.getTime() <= soon)
        .map((incident) => ({
          kind: 'INCIDENT_NEAR_DEADLINE',
          label: `${incident.incidentClass} · ${incident.title}`,
          target: { entityType: 'Incident', entityId: incident.id },
          severity: 'WARNING' as const,
          dueAt: incident.reportingDeadline,
        })),
    ];
  };
}
