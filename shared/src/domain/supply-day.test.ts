import { describe, expect, it } from 'vitest';
import { atHqTime } from './hq-time';
import {
  DEFAULT_SUPPLY_DAY_TIMES,
  missedSupplySteps,
  planDayForNeed,
  supplyDayDeadlines,
  supplyDayTimesProblems,
  supplyStepState,
} from './supply-day';

const day = '2026-12-08';
const at = (time: string) => atHqTime(day, time);
const none = { planApprovedAt: null, deliveredAt: null, summaryReadyAt: null };

describe('the supply day in HQ time (UTC+8)', () => {
  it('puts the deadlines at 11:00, 17:00 and 17:30 HQ time', () => {
    const d = supplyDayDeadlines(day);
    expect(d.NEEDS.toISOString()).toBe('2026-12-08T03:00:00.000Z');
    expect(d.DELIVERED.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(d.SUMMARY.toISOString()).toBe('2026-12-08T09:30:00.000Z');
  });

  it('takes a need received at 10:59 into today’s plan and one at 11:01 into tomorrow’s', () => {
    expect(planDayForNeed(at('10:59'))).toBe('2026-12-08');
    expect(planDayForNeed(at('11:00'))).toBe('2026-12-08');
    expect(planDayForNeed(at('11:01'))).toBe('2026-12-09');
  });

  it('misses delivery at 17:01 but not at 16:59', () => {
    const approved = { ...none, planApprovedAt: at('11:30') };
    expect(missedSupplySteps(at('16:59'), day, approved)).toEqual([]);
    expect(missedSupplySteps(at('17:01'), day, approved)).toEqual(['DELIVERED']);
  });

  it('misses the summary at 17:31 but not at 17:29', () => {
    const delivered = { planApprovedAt: at('11:30'), deliveredAt: at('16:00'), summaryReadyAt: null };
    expect(missedSupplySteps(at('17:29'), day, delivered)).toEqual([]);
    expect(missedSupplySteps(at('17:31'), day, delivered)).toEqual(['SUMMARY']);
    expect(missedSupplySteps(at('17:31'), day, { ...delivered, summaryReadyAt: at('17:20') })).toEqual([]);
  });

  it('reads configured times', () => {
    const times = { ...DEFAULT_SUPPLY_DAY_TIMES, needsBy: '10:00', deliveredBy: '16:00' };
    expect(planDayForNeed(at('10:30'), times)).toBe('2026-12-09');
    expect(missedSupplySteps(at('16:01'), day, { ...none, planApprovedAt: at('11:00') }, times)).toEqual(['DELIVERED']);
    expect(supplyDayTimesProblems(times)).toEqual([]);
    expect(supplyDayTimesProblems({ ...times, summaryBy: '15:00' })).toEqual(['summaryBy must come after deliveredBy']);
    expect(supplyDayTimesProblems({ ...times, needsBy: '9:00' })).toEqual(['needsBy must be a time written HH:mm']);
  });

  it('tells a late step from a missed one, and leaves a step open exactly at its deadline', () => {
    expect(supplyStepState(at('17:00'), at('17:00'), null)).toBe('OPEN');
    expect(supplyStepState(at('17:05'), at('17:00'), at('17:03'))).toBe('DONE_LATE');
    expect(supplyStepState(at('17:05'), at('17:00'), at('16:03'))).toBe('DONE');
  });
});
