import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atHqTime, hqDayRange } from './hq-time';
import { canCheckIn, uncoveredHours, uncoveredStretches, type DutyRole, type RosterShift } from './roster';

const shift = (from: Date, to: Date, ...roles: DutyRole[]): RosterShift => ({
  startsAt: from,
  endsAt: to,
  members: roles.map((role) => ({ role })),
});
const hq = (day: string, time: string) => atHqTime(day, time);

describe('uncoveredHours (HQ time, UTC+8)', () => {
  const zone = process.env['TZ'];
  // The process's own zone must not matter: run as if the server sat in New York (with DST).
  beforeEach(() => {
    process.env['TZ'] = 'America/New_York';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });

  it('finds every hour of an empty HQ day uncovered, 24 of them, from HQ midnight', () => {
    const { start, end } = hqDayRange('2026-03-08'); // New York changes its clocks that day; HQ does not
    const hours = uncoveredHours([], start, end);
    expect(hours).toHaveLength(24);
    expect(hours[0]!.at.toISOString()).toBe('2026-03-07T16:00:00.000Z');
    expect(hours[23]!.at.toISOString()).toBe('2026-03-08T15:00:00.000Z');
    expect(hours.every((h) => h.missing.join() === 'OFFICER,LEADER')).toBe(true);
  });

  it('counts a night shift crossing HQ midnight on both days', () => {
    const night = shift(hq('2026-11-24', '20:00'), hq('2026-11-25', '08:00'), 'OFFICER', 'LEADER');
    const day = shift(hq('2026-11-25', '08:00'), hq('2026-11-25', '20:00'), 'OFFICER', 'LEADER');
    expect(uncoveredHours([night, day], hq('2026-11-24', '20:00'), hq('2026-11-25', '20:00'))).toEqual([]);
    // The 24 hours of 2026-11-25 at HQ: 00:00–08:00 from the night shift, 08:00–20:00 from the day shift.
    const { start, end } = hqDayRange('2026-11-25');
    const gaps = uncoveredHours([night, day], start, end);
    expect(gaps.map((h) => h.at.toISOString())).toEqual(
      [20, 21, 22, 23].map((h) => `2026-11-25T${String(h - 8).padStart(2, '0')}:00:00.000Z`),
    );
  });

  it('names what is missing: a leader, an officer, or both', () => {
    const officersOnly = shift(hq('2026-11-25', '00:00'), hq('2026-11-25', '02:00'), 'OFFICER', 'BACKUP');
    const leaderOnly = shift(hq('2026-11-25', '02:00'), hq('2026-11-25', '03:00'), 'LEADER');
    const hours = uncoveredHours([officersOnly, leaderOnly], hq('2026-11-25', '00:00'), hq('2026-11-25', '04:00'));
    expect(hours.map((h) => h.missing)).toEqual([['LEADER'], ['LEADER'], ['OFFICER'], ['OFFICER', 'LEADER']]);
    expect(uncoveredStretches(hours).map((s) => [s.hours, s.missing.join()])).toEqual([
      [2, 'LEADER'],
      [1, 'OFFICER'],
      [1, 'OFFICER,LEADER'],
    ]);
  });

  it('combines overlapping shifts, but an hour only half covered is uncovered', () => {
    const officer = shift(hq('2026-11-25', '08:00'), hq('2026-11-25', '12:30'), 'OFFICER');
    const leader = shift(hq('2026-11-25', '07:30'), hq('2026-11-25', '13:00'), 'LEADER');
    const hours = uncoveredHours([officer, leader], hq('2026-11-25', '07:00'), hq('2026-11-25', '13:00'));
    expect(hours.map((h) => [h.at.toISOString(), h.missing.join()])).toEqual([
      ['2026-11-24T23:00:00.000Z', 'OFFICER,LEADER'],
      ['2026-11-25T04:00:00.000Z', 'OFFICER'],
    ]);
  });

  it('starts at the whole hour `from` falls in', () => {
    const hours = uncoveredHours([], hq('2026-11-25', '09:40'), hq('2026-11-25', '11:00'));
    expect(hours.map((h) => h.at.toISOString())).toEqual(['2026-11-25T01:00:00.000Z', '2026-11-25T02:00:00.000Z']);
  });
});

describe('check-in window', () => {
  it('opens 30 minutes before the start and closes at the end', () => {
    const s = { startsAt: hq('2026-11-25', '08:00'), endsAt: hq('2026-11-25', '20:00') };
    expect(canCheckIn(s, hq('2026-11-25', '07:29'))).toBe(false);
    expect(canCheckIn(s, hq('2026-11-25', '07:30'))).toBe(true);
    expect(canCheckIn(s, hq('2026-11-25', '19:59'))).toBe(true);
    expect(canCheckIn(s, hq('2026-11-25', '20:00'))).toBe(false);
  });
});
