import { describe, expect, it } from 'vitest';
import type { IncidentStatus } from '@cc/shared';
import { nextClockChange } from './incident-clock';

const HOUR = 3_600_000;
// 10:00 at HQ (UTC+8); the HQ day turns at 16:00 UTC.
const now = new Date('2026-03-02T02:00:00Z');
const incident = (reportedHoursAgo: number, deadlineInHours: number, status: IncidentStatus = 'IN_PROGRESS') => ({
  status,
  reportedAt: new Date(now.getTime() - reportedHoursAgo * HOUR),
  reportingDeadline: new Date(now.getTime() + deadlineInHours * HOUR),
});

describe('when the clock alone next changes the leader’s figures', () => {
  it('is the turn of the HQ day when no incident is open', () => {
    expect(nextClockChange([], now)).toEqual(new Date('2026-03-02T16:00:00Z'));
  });

  it('is the next age-bucket edge an open incident reaches', () => {
    // Reported 30 min ago: leaves "under 1 h" in 30 min (its deadline is later).
    expect(nextClockChange([incident(0.5, 5.5)], now)).toEqual(new Date(now.getTime() + 0.5 * HOUR));
    // Reported 2 h ago: the 6 h edge in 4 h, before its 12 h deadline (in 10 h).
    expect(nextClockChange([incident(2, 10)], now)).toEqual(new Date(now.getTime() + 4 * HOUR));
  });

  it('is a reporting deadline when that comes first', () => {
    expect(nextClockChange([incident(2, 1.5)], now)).toEqual(new Date(now.getTime() + 1.5 * HOUR));
  });

  it('ignores settled incidents and edges already passed', () => {
    expect(nextClockChange([incident(0.5, 1, 'RESOLVED')], now)).toEqual(new Date('2026-03-02T16:00:00Z'));
    expect(nextClockChange([incident(30, -6)], now)).toEqual(new Date('2026-03-02T16:00:00Z'));
  });
});
