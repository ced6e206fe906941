import { describe, expect, it } from 'vitest';
import { addHqDays, atHqTime, hqClock, hqDay, hqDayRange, isHqDay, startOfHqDay } from './hq-time';

describe('HQ time (UTC+8, no daylight saving)', () => {
  it('turns the HQ day over at 16:00 UTC', () => {
    expect(hqDay(new Date('2026-11-24T15:59:59.999Z'))).toBe('2026-11-24');
    expect(hqDay(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
  });

  it('gives an HQ day as the 24 hours from its midnight', () => {
    const { start, end } = hqDayRange('2026-11-25');
    expect(start.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(startOfHqDay(new Date('2026-11-25T03:00:00Z')).toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('places a wall-clock deadline on its HQ day', () => {
    expect(atHqTime('2026-11-25', '16:00').toISOString()).toBe('2026-11-25T08:00:00.000Z');
    expect(atHqTime('2026-11-25', '00:30').toISOString()).toBe('2026-11-24T16:30:00.000Z');
    expect(() => atHqTime('2026-11-25', '24:00')).toThrow(RangeError);
  });

  it('reads the HQ clock of an instant whatever the local zone', () => {
    expect(hqClock(new Date('2026-11-24T23:05:00Z'))).toEqual({ day: '2026-11-25', hour: 7, minute: 5, time: '07:05' });
  });

  it('refuses dates that do not exist', () => {
    expect(isHqDay('2026-02-29')).toBe(false);
    expect(isHqDay('2028-02-29')).toBe(true);
    expect(isHqDay('2026-1-5')).toBe(false);
    expect(() => hqDayRange('yesterday')).toThrow(RangeError);
  });

  it('steps across month and year ends', () => {
    expect(addHqDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addHqDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
