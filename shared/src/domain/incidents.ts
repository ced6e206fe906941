/** Incident classes of the reporting rules (002): 甲类 6 h, 乙类 12 h, 丙类 24 h. */
export const INCIDENT_CLASSES = ['A', 'B', 'C'] as const;
export type IncidentClass = (typeof INCIDENT_CLASSES)[number];

export const REPORTING_DEADLINE_HOURS: Readonly<Record<IncidentClass, number>> = { A: 6, B: 12, C: 24 };

const HOUR_MS = 3_600_000;

/** When a report of this class must have reached HQ, counted from the moment it was reported. */
export function reportingDeadline(incidentClass: IncidentClass, reportedAt: Date): Date {
  return new Date(reportedAt.getTime() + REPORTING_DEADLINE_HOURS[incidentClass] * HOUR_MS);
}

/** Milliseconds left until the reporting deadline; negative once it has passed. */
export function timeToDeadline(incidentClass: IncidentClass, reportedAt: Date, now: Date): number {
  return reportingDeadline(incidentClass, reportedAt).getTime() - now.getTime();
}

export const INCIDENT_STATUSES = ['REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Allowed lifecycle moves; a closed or resolved incident may be reopened. */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  REPORTED: ['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'],
  ACKNOWLEDGED: ['IN_PROGRESS', 'RESOLVED'],
  IN_PROGRESS: ['RESOLVED'],
  RESOLVED: ['CLOSED', 'IN_PROGRESS'],
  CLOSED: ['IN_PROGRESS'],
};

export function canMoveIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return INCIDENT_TRANSITIONS[from].includes(to);
}
