import { describe, expect, it } from 'vitest';
import { evaluationDelay } from './evaluation-pacing';

describe('pacing of event-triggered alert evaluations', () => {
  it('evaluates the first change after a quiet spell after the debounce only', () => {
    expect(evaluationDelay(undefined, 10_000, 25, 500)).toBe(25);
    expect(evaluationDelay(1_000, 10_000, 25, 500)).toBe(25);
  });

  it('holds a rule that just ran until its minimum interval has passed', () => {
    expect(evaluationDelay(10_000, 10_020, 25, 500)).toBe(480);
    expect(evaluationDelay(10_000, 10_490, 25, 500)).toBe(25);
  });

  it('holds a rule back in proportion to what its last evaluation cost, so it takes at most a tenth of the loop', () => {
    // 300 ms to evaluate: the next may start 3 s after the last one started.
    expect(evaluationDelay(10_000, 10_500, 25, 500, 300)).toBe(2_500);
    expect(evaluationDelay(10_000, 13_100, 25, 500, 300)).toBe(25);
    // A cheap rule keeps the minimum interval.
    expect(evaluationDelay(10_000, 10_020, 25, 500, 5)).toBe(480);
  });
});
