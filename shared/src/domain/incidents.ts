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

/** Still needs HQ's attention: counts on the leader's board and for the deadline alerts. */
export const OPEN_INCIDENT_STATUSES = ['REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS'] as const satisfies readonly IncidentStatus[];

export function isIncidentOpen(status: IncidentStatus): boolean {
  return (OPEN_INCIDENT_STATUSES as readonly IncidentStatus[]).includes(status);
}

/**
 * The named lifecycle actions the console offers, each one mutation
 * (acknowledgeIncident, startIncident, ...). The transition table below is derived from it.
 */
export const INCIDENT_ACTIONS = {
  ACKNOWLEDGE: { from: ['REPORTED'], to: 'ACKNOWLEDGED' },
  START: { from: ['REPORTED', 'ACKNOWLEDGED'], to: 'IN_PROGRESS' },
  RESOLVE: { from: ['REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS'], to: 'RESOLVED' },
  CLOSE: { from: ['RESOLVED'], to: 'CLOSED' },
  /** Back to work: the resolution did not hold. */
  REOPEN: { from: ['RESOLVED', 'CLOSED'], to: 'IN_PROGRESS' },
} as const satisfies Record<string, { from: readonly IncidentStatus[]; to: IncidentStatus }>;
export type IncidentAction = keyof typeof INCIDENT_ACTIONS;
export const INCIDENT_ACTION_NAMES = Object.keys(INCIDENT_ACTIONS) as IncidentAction[];

/** Allowed lifecycle moves; a closed or resolved incident may be reopened. */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = Object.fromEntries(
  INCIDENT_STATUSES.map((from) => [
    from,
    Object.values(INCIDENT_ACTIONS)
      .filter((a) => (a.from as readonly IncidentStatus[]).includes(from))
      .map((a) => a.to),
  ]),
) as Record<IncidentStatus, IncidentStatus[]>;

export function canMoveIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return INCIDENT_TRANSITIONS[from].includes(to);
}

/** Whether the named action may be taken on an incident in this status. */
export function canTakeIncidentAction(action: IncidentAction, status: IncidentStatus): boolean {
  return (INCIDENT_ACTIONS[action].from as readonly IncidentStatus[]).includes(status);
}

/** How serious the incident is on the ground, independent of its reporting class. */
export const INCIDENT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** An open incident whose reporting deadline has passed: the leader's alert (critical). */
export function isPastReportingDeadline(incident: { status: IncidentStatus; reportingDeadline: Date }, now: Date): boolean {
  return isIncidentOpen(incident.status) && incident.reportingDeadline.getTime() <= now.getTime();
}

/** Age buckets of the leader's board: how long open incidents have been waiting. */
export const INCIDENT_AGE_BUCKETS = ['UNDER_1H', 'FROM_1H_TO_6H', 'FROM_6H_TO_24H', 'OVER_24H'] as const;
export type IncidentAgeBucket = (typeof INCIDENT_AGE_BUCKETS)[number];
/** Where the age buckets part, in hours since reported: an open incident moves on at each. */
export const INCIDENT_AGE_BUCKET_EDGES_HOURS = [1, 6, 24] as const;

export function incidentAgeBucket(reportedAt: Date, now: Date): IncidentAgeBucket {
  const hours = (now.getTime() - reportedAt.getTime()) / HOUR_MS;
  const [first, second, third] = INCIDENT_AGE_BUCKET_EDGES_HOURS;
  if (hours < first) return 'UNDER_1H';
  if (hours < second) return 'FROM_1H_TO_6H';
  if (hours < third) return 'FROM_6H_TO_24H';
  return 'OVER_24H';
}

/** What an incident's timeline records: status moves, assignment, notes, and links to other records. */
export const INCIDENT_TIMELINE_KINDS = ['STATUS', 'ASSIGNMENT', 'DETAILS', 'NOTE', 'LINK'] as const;
export type IncidentTimelineKind = (typeof INCIDENT_TIMELINE_KINDS)[number];

/** Coordinates are optional; when given they must be a real place (WGS-84 degrees). */
export function validCoordinates(latitude: number | null | undefined, longitude: number | null | undefined): boolean {
  if ((latitude ?? null) === null && (longitude ?? null) === null) return true;
  if (latitude == null || longitude == null) return false;
  return Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
}
