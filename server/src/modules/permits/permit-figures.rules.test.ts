import { describe, expect, it } from 'vitest';
import { dayTotals, permitDayFigures, waitingFigures, type ReviewedRequest } from './permit-figures.rules';

const day = { start: new Date('2026-12-06T16:00:00Z'), end: new Date('2026-12-07T16:00:00Z') };
const at = (h: number, m = 0) => new Date(day.start.getTime() + h * 3_600_000 + m * 60_000);
const KINDS = ['EPIDEMIC_SUPPLIES', 'DAILY_NECESSITIES', 'COAL', 'FUEL', 'PRODUCTION_MATERIALS'] as const;

describe('the day’s permit figures by cargo kind', () => {
  const rows: ReviewedRequest[] = [
    { cargoKind: 'EPIDEMIC_SUPPLIES', filedAt: at(8), submittedAt: at(8), decision: 'APPROVED', decidedAt: at(8, 10) },
    { cargoKind: 'EPIDEMIC_SUPPLIES', filedAt: at(9), submittedAt: at(9), decision: 'APPROVED', decidedAt: at(9, 20) },
    { cargoKind: 'EPIDEMIC_SUPPLIES', filedAt: at(10), submittedAt: at(10), decision: 'REJECTED', decidedAt: at(11) },
    { cargoKind: 'EPIDEMIC_SUPPLIES', filedAt: at(12), submittedAt: at(12), decision: null, decidedAt: null },
    // filed the day before, decided this day: counts as reviewed today, not as requested today
    { cargoKind: 'COAL', filedAt: at(-2), submittedAt: at(-2), decision: 'REJECTED', decidedAt: at(1) },
    // filed at 6, asked a question, answered at 13 and approved at 13:30: 30 minutes of HQ's review
    { cargoKind: 'DAILY_NECESSITIES', filedAt: at(6), submittedAt: at(13), decision: 'APPROVED', decidedAt: at(13, 30) },
    // filed this day, decided the next: requested today, its decision is tomorrow's
    { cargoKind: 'FUEL', filedAt: at(23), submittedAt: at(23), decision: 'APPROVED', decidedAt: at(25) },
  ];

  it('counts requests filed, approvals and rejections decided, and the median review minutes of the decisions', () => {
    expect(permitDayFigures(rows, day, KINDS)).toEqual([
      { cargoKind: 'EPIDEMIC_SUPPLIES', requested: 4, approved: 2, rejected: 1, medianReviewMinutes: 20 },
      { cargoKind: 'DAILY_NECESSITIES', requested: 1, approved: 1, rejected: 0, medianReviewMinutes: 30 },
      { cargoKind: 'COAL', requested: 0, approved: 0, rejected: 1, medianReviewMinutes: 180 },
      { cargoKind: 'FUEL', requested: 1, approved: 0, rejected: 0, medianReviewMinutes: null },
    ]);
  });

  it('totals every kind together, the median over all the day’s decisions', () => {
    expect(dayTotals(rows, day)).toEqual({ requested: 6, approved: 3, rejected: 2, medianReviewMinutes: 30 });
  });

  it('is empty for a day with nothing', () => {
    expect(permitDayFigures(rows, { start: at(48), end: at(72) }, KINDS)).toEqual([]);
  });
});

describe('the leader’s waiting figures', () => {
  it('counts the waiting requests and the oldest wait in whole minutes', () => {
    expect(waitingFigures([], at(10))).toEqual({ count: 0, oldestWaitMinutes: null });
    expect(waitingFigures([{ submittedAt: at(9, 30) }, { submittedAt: at(8, 15) }], at(10, 0))).toEqual({
      count: 2,
      oldestWaitMinutes: 105,
    });
  });
});
