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

/**
 * What the reporting rule (002) looks at. The deadline is met by the recorded act of reporting
 * upward (上报), not by resolving the incident: `reportedUpwardAt` is null until that is recorded.
 */
export interface IncidentReportingState {
  status: IncidentStatus;
  reportingDeadline: Date;
  reportedUpwardAt: Date | null | undefined;
}

/**
 * Still owes its report upward: open and not yet reported upward. Reporting it upward ends the
 * count; so does resolving it (a settled incident no longer counts on the board).
 */
export function awaitsReportUpward(incident: Pick<IncidentReportingState, 'status' | 'reportedUpwardAt'>): boolean {
  return isIncidentOpen(incident.status) && incident.reportedUpwardAt == null;
}

/**
 * Past its reporting deadline and still not reported upward: the leader's alert (critical), the
 * board's "overdue" figure and the leader's "past deadline" figure all count exactly these.
 */
export function isPastReportingDeadline(incident: IncidentReportingState, now: Date): boolean {
  return awaitsReportUpward(incident) && incident.reportingDeadline.getTime() <= now.getTime();
}

/** Whether the report upward met the deadline (迟报 when not); null while it has not been made. */
export function reportedUpwardInTime(incident: Pick<IncidentReportingState, 'reportingDeadline' | 'reportedUpwardAt'>): boolean | null {
  if (incident.reportedUpwardAt == null) return null;
  return incident.reportedUpwardAt.getTime() <= incident.reportingDeadline.getTime();
}

/**
 * A class-A (甲类) incident is the leader's the moment it is logged: it must reach the
 * authorities above within 6 hours (002). This holds until it is reported upward, or its
 * deadline passes, when `isPastReportingDeadline` takes over (one alert per incident at a time).
 */
export function needsClassAReportUpward(incident: IncidentReportingState & { incidentClass: IncidentClass }, now: Date): boolean {
  return incident.incidentClass === 'A' && awaitsReportUpward(incident) && !isPastReportingDeadline(incident, now);
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

/** What an incident's timeline records: status moves, assignment, notes, links to other records, and the report upward (上报). */
export const INCIDENT_TIMELINE_KINDS = ['STATUS', 'ASSIGNMENT', 'DETAILS', 'NOTE', 'LINK', 'REPORTED_UPWARD'] as const;
export type IncidentTimelineKind = (typeof INCIDENT_TIMELINE_KINDS)[number];

/** Coordinates are optional; when given they must be a real place (WGS-84 degrees). */
export function validCoordinates(latitude: number | null | undefined, longitude: number | null | undefined): boolean {
  if ((latitude ?? null) === null && (longitude ?? null) === null) return true;
  if (latitude == null || longitude == null) return false;
  return Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
}

/**
 * How far from now a report time may be. A report is often logged after the call (a busy
 * night, a paper log typed up at handover), but not weeks later: that is a typo in the year or
 * the month, and it would fire an "overdue" alert at once. Phones' clocks run a little ahead,
 * so a few minutes in the future are taken as now.
 */
export const REPORTED_AT_MAX_AGE_DAYS = 7;
export const REPORTED_AT_CLOCK_SKEW_MINUTES = 5;

export type ReportedAtProblem = 'NOT_A_TIME' | 'TOO_OLD' | 'IN_FUTURE';

/** Why a report time cannot be taken (the console warns with it, the server refuses), or null. */
export function reportedAtProblem(reportedAt: Date, now: Date): ReportedAtProblem | null {
  const at = reportedAt.getTime();
  if (!Number.isFinite(at)) return 'NOT_A_TIME';
  if (at < now.getTime() - REPORTED_AT_MAX_AGE_DAYS * 24 * HOUR_MS) return 'TOO_OLD';
  if (at > now.getTime() + REPORTED_AT_CLOCK_SKEW_MINUTES * 60_000) return 'IN_FUTURE';
  return null;
}

/** The longest text each incident field takes; the console counts against the same limits. */
export const INCIDENT_TEXT_LIMITS = { title: 200, location: 300, description: 10_000, note: 2_000, reportedTo: 200 } as const;
