import { describe, expect, it } from 'vitest';
import {
  canMoveIncident,
  canTakeIncidentAction,
  incidentAgeBucket,
  INCIDENT_TRANSITIONS,
  isPastReportingDeadline,
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
    expect(isPastReportingDeadline({ status: 'IN_PROGRESS', reportingDeadline: new Date(now.getTime() + 1) }, now)).toBe(false);
    expect(isPastReportingDeadline({ status: 'IN_PROGRESS', reportingDeadline: now }, now)).toBe(true);
    expect(isPastReportingDeadline({ status: 'RESOLVED', reportingDeadline: new Date(0) }, now)).toBe(false);
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
