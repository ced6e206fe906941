import { describe, expect, it } from 'vitest';
import {
  canMoveIncident,
  canTakeIncidentAction,
  incidentAgeBucket,
  INCIDENT_TRANSITIONS,
  isPastReportingDeadline,
  needsClassAReportUpward,
  reportedUpwardInTime,
  reportedAtProblem,
  validCoordinates,
} from './incidents';

const HOUR = 3_600_000;

describe('the incident lifecycle', () => {
  it('goes reported → acknowledged → in progress → resolved → closed, and reopens to in progress', () => {
    expect(canTakeIncidentAction('ACKNOWLEDGE', 'REPORTED')).toBe(true);
    expect(canTakeIncidentAction('START', 'ACKNOWLEDGED')).toBe(true);
    expect(canTakeIncidentAction('RESOLVE', 'IN_PROGRESS')).toBe(true);
    expect(canTakeIncidentAction('CLOSE', 'RESOLVED')).toBe(true);
    expect(canTakeIncidentAction('REOPEN', 'CLOSED')).toBe(true);
    expect(canTakeIncidentAction('REOPEN', 'RESOLVED')).toBe(true);
  });

  it('refuses steps out of order', () => {
    expect(canTakeIncidentAction('ACKNOWLEDGE', 'IN_PROGRESS')).toBe(false);
    expect(canTakeIncidentAction('CLOSE', 'IN_PROGRESS')).toBe(false);
    expect(canTakeIncidentAction('REOPEN', 'IN_PROGRESS')).toBe(false);
    expect(canMoveIncident('CLOSED', 'RESOLVED')).toBe(false);
  });

  it('derives the transition table from the named actions', () => {
    expect(INCIDENT_TRANSITIONS).toEqual({
      REPORTED: ['ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED'],
      ACKNOWLEDGED: ['IN_PROGRESS', 'RESOLVED'],
      IN_PROGRESS: ['RESOLVED'],
      RESOLVED: ['CLOSED', 'IN_PROGRESS'],
      CLOSED: ['IN_PROGRESS'],
    });
  });
});

describe('reporting deadlines and ages', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('an open incident is past its deadline from the deadline on; a resolved one never is', () => {
    const notReported = { reportedUpwardAt: null };
    expect(isPastReportingDeadline({ ...notReported, status: 'IN_PROGRESS', reportingDeadline: new Date(now.getTime() + 1) }, now)).toBe(
      false,
    );
    expect(isPastReportingDeadline({ ...notReported, status: 'IN_PROGRESS', reportingDeadline: now }, now)).toBe(true);
    expect(isPastReportingDeadline({ ...notReported, status: 'RESOLVED', reportingDeadline: new Date(0) }, now)).toBe(false);
  });

  it('the deadline is met by reporting upward: an open incident reported upward is not past it, even unresolved', () => {
    const deadline = new Date(now.getTime() - HOUR);
    const reportedInTime = {
      status: 'IN_PROGRESS' as const,
      reportingDeadline: deadline,
      reportedUpwardAt: new Date(deadline.getTime() - HOUR),
    };
    expect(isPastReportingDeadline(reportedInTime, now)).toBe(false);
    expect(reportedUpwardInTime(reportedInTime)).toBe(true);
    expect(isPastReportingDeadline({ ...reportedInTime, reportedUpwardAt: null }, now)).toBe(true);
  });

  it('a report upward after the deadline ends the count but is recorded as late (迟报)', () => {
    const late = { status: 'REPORTED' as const, reportingDeadline: now, reportedUpwardAt: new Date(now.getTime() + 1) };
    expect(isPastReportingDeadline(late, new Date(now.getTime() + HOUR))).toBe(false);
    expect(reportedUpwardInTime(late)).toBe(false);
    expect(reportedUpwardInTime({ reportingDeadline: now, reportedUpwardAt: null })).toBeNull();
  });

  it('a class-A incident needs the leader from the moment it is logged until it is reported upward, settled, or past its deadline', () => {
    const logged = {
      incidentClass: 'A' as const,
      status: 'REPORTED' as const,
      reportingDeadline: new Date(now.getTime() + 6 * HOUR),
      reportedUpwardAt: null,
    };
    expect(needsClassAReportUpward(logged, now)).toBe(true);
    expect(needsClassAReportUpward({ ...logged, reportedUpwardAt: now }, now)).toBe(false);
    expect(needsClassAReportUpward({ ...logged, status: 'CLOSED' }, now)).toBe(false);
    expect(needsClassAReportUpward({ ...logged, incidentClass: 'B' }, now)).toBe(false);
    // From the deadline on it is past it instead: the past-deadline alert takes over.
    const atDeadline = logged.reportingDeadline;
    expect(needsClassAReportUpward(logged, atDeadline)).toBe(false);
    expect(isPastReportingDeadline(logged, atDeadline)).toBe(true);
  });

  it('buckets open incidents by age for the leader’s board', () => {
    expect(incidentAgeBucket(new Date(now.getTime() - 0.5 * HOUR), now)).toBe('UNDER_1H');
    expect(incidentAgeBucket(new Date(now.getTime() - 1 * HOUR), now)).toBe('FROM_1H_TO_6H');
    expect(incidentAgeBucket(new Date(now.getTime() - 6 * HOUR), now)).toBe('FROM_6H_TO_24H');
    expect(incidentAgeBucket(new Date(now.getTime() - 30 * HOUR), now)).toBe('OVER_24H');
  });
});

describe('coordinates', () => {
  it('are optional but come in pairs within range', () => {
    expect(validCoordinates(null, null)).toBe(true);
    expect(validCoordinates(39.9, 116.4)).toBe(true);
    expect(validCoordinates(39.9, null)).toBe(false);
    expect(validCoordinates(91, 116)).toBe(false);
    expect(validCoordinates(39, -181)).toBe(false);
    expect(validCoordinates(Number.NaN, 1)).toBe(false);
  });
});

describe('a report time years in the past (issue 27)', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const DAY = 24 * HOUR;

  it('is refused as too old, like anything more than 7 days ago', () => {
    expect(reportedAtProblem(new Date('2020-01-01T00:00:00Z'), now)).toBe('TOO_OLD');
    expect(reportedAtProblem(new Date(now.getTime() - 7 * DAY - 1), now)).toBe('TOO_OLD');
  });

  it('takes a report logged after the fact, up to 7 days back', () => {
    expect(reportedAtProblem(new Date(now.getTime() - 7 * DAY), now)).toBeNull();
    expect(reportedAtProblem(new Date(now.getTime() - 3 * HOUR), now)).toBeNull();
  });

  it('allows 5 minutes of clock skew ahead, and refuses anything later as in the future', () => {
    expect(reportedAtProblem(new Date(now.getTime() + 5 * 60_000), now)).toBeNull();
    expect(reportedAtProblem(new Date(now.getTime() + 5 * 60_000 + 1), now)).toBe('IN_FUTURE');
  });

  it('refuses a time that is not a time', () => {
    expect(reportedAtProblem(new Date('garbage'), now)).toBe('NOT_A_TIME');
  });
});
