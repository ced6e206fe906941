import { describe, expect, it } from 'vitest';
import { dailyUse, daysOfCover, replenishment, riskReasons } from './forecast.rules';

const now = new Date('2026-12-07T08:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('consumption and days of cover on a known history', () => {
  // A checkpoint used 10 boxes a day for the last week, and 100 on one day a month ago.
  const history = [...Array.from({ length: 7 }, (_, i) => ({ at: daysAgo(i + 0.5), quantity: 10 })), { at: daysAgo(30), quantity: 100 }];

  it('averages the outflow of the last 7 days, ignoring older entries', () => {
    expect(dailyUse(history, now)).toBe(10);
  });

  it('counts a reversal of an issue (a negative outflow) against the rate, never below 0', () => {
    expect(dailyUse([...history, { at: daysAgo(1), quantity: -14 }], now)).toBe(8);
    expect(dailyUse([{ at: daysAgo(1), quantity: -5 }], now)).toBe(0);
  });

  it('gives days of cover at the current rate, none when nothing is used', () => {
    expect(daysOfCover(45, 10)).toBe(4.5);
    expect(daysOfCover(100, 3)).toBe(33.3);
    expect(daysOfCover(45, 0)).toBeNull();
  });

  it('flags a balance below its minimum, or below its item’s cover floor (a week for necessities)', () => {
    expect(riskReasons({ quantity: 45, minimum: 50, daysOfCover: 4.5, coverDaysFloor: 7 })).toEqual(['BELOW_MINIMUM', 'LOW_COVER']);
    expect(riskReasons({ quantity: 80, minimum: 50, daysOfCover: 8, coverDaysFloor: 7 })).toEqual([]);
    expect(riskReasons({ quantity: 0, minimum: null, daysOfCover: null, coverDaysFloor: 7 })).toEqual([]);
    expect(riskReasons({ quantity: 0, minimum: 0, daysOfCover: null, coverDaysFloor: null })).toEqual([]);
  });

  it('suggests a checkpoint’s replenishment up to its cover floor or minimum, whichever is more', () => {
    expect(replenishment({ quantity: 45, minimum: 50, daysOfCover: 4.5, coverDaysFloor: 7, dailyUse: 10 }, 7)).toBe(25);
    expect(replenishment({ quantity: 45, minimum: 100, daysOfCover: 4.5, coverDaysFloor: 7, dailyUse: 10 }, 7)).toBe(55);
    expect(replenishment({ quantity: 90, minimum: 50, daysOfCover: 9, coverDaysFloor: 7, dailyUse: 10 }, 7)).toBe(0);
  });
});
