import { atHqTime, hqDay } from './hq-time';

/**
 * The supply day's clock (plan 2 §3.5): needs reach logistics by 11:00, the day's allocation
 * plan goes to HQ for approval, supplies are delivered by 17:00, and the day's production,
 * purchase, intake and allocation summary reaches HQ and the discipline inspection commission
 * (市纪委备案) by 17:30. Times are HQ wall-clock times (UTC+8) and configurable; the plan's
 * approval time is not in the source, so it defaults to an hour after the cut-off.
 */
export interface SupplyDayTimes {
  /** Needs received at or before this time go into today's plan (每日上午11点前). */
  needsBy: string;
  /** The leader approves today's plan by this time. */
  planApprovedBy: string;
  /** Today's approved supplies have arrived (下午17:00点前调配到位). */
  deliveredBy: string;
  /** The day's summary is ready (下午17:30前). */
  summaryBy: string;
}

export const DEFAULT_SUPPLY_DAY_TIMES: SupplyDayTimes = {
  needsBy: '11:00',
  planApprovedBy: '12:00',
  deliveredBy: '17:00',
  summaryBy: '17:30',
};

export const SUPPLY_DAY_STEPS = ['NEEDS', 'PLAN_APPROVED', 'DELIVERED', 'SUMMARY'] as const;
export type SupplyDayStep = (typeof SUPPLY_DAY_STEPS)[number];

const STEP_TIME: Record<SupplyDayStep, keyof SupplyDayTimes> = {
  NEEDS: 'needsBy',
  PLAN_APPROVED: 'planApprovedBy',
  DELIVERED: 'deliveredBy',
  SUMMARY: 'summaryBy',
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Problems with a configuration, or none: each time HH:mm, and in the day's order. */
export function supplyDayTimesProblems(times: SupplyDayTimes): string[] {
  const problems: string[] = [];
  for (const step of SUPPLY_DAY_STEPS) {
    if (!TIME.test(times[STEP_TIME[step]])) problems.push(`${STEP_TIME[step]} must be a time written HH:mm`);
  }
  if (problems.length > 0) return problems;
  const order = SUPPLY_DAY_STEPS.map((s) => times[STEP_TIME[s]]);
  for (let i = 1; i < order.length; i++) {
    if (order[i]! <= order[i - 1]!)
      problems.push(`${STEP_TIME[SUPPLY_DAY_STEPS[i]!]} must come after ${STEP_TIME[SUPPLY_DAY_STEPS[i - 1]!]}`);
  }
  return problems;
}

/** The instants of an HQ day's deadlines. */
export function supplyDayDeadlines(day: string, times: SupplyDayTimes = DEFAULT_SUPPLY_DAY_TIMES): Record<SupplyDayStep, Date> {
  return {
    NEEDS: atHqTime(day, times.needsBy),
    PLAN_APPROVED: atHqTime(day, times.planApprovedBy),
    DELIVERED: atHqTime(day, times.deliveredBy),
    SUMMARY: atHqTime(day, times.summaryBy),
  };
}

/**
 * The plan day a need received at `at` belongs to: today's when it arrives by the cut-off
 * (inclusive: 11:00:00 is still on time), tomorrow's after it (principle 4, once a day).
 */
export function planDayForNeed(at: Date, times: SupplyDayTimes = DEFAULT_SUPPLY_DAY_TIMES): string {
  const day = hqDay(at);
  if (at.getTime() <= atHqTime(day, times.needsBy).getTime()) return day;
  return hqDay(new Date(atHqTime(day, '00:00').getTime() + 86_400_000));
}

export type SupplyStepState = 'OPEN' | 'DONE' | 'DONE_LATE' | 'MISSED';

/**
 * Where one step of the day stands at `now`: done (on time or late), missed (its deadline
 * passed and it is not done: an alert), or still open (with the time left, for a countdown).
 * Exactly at the deadline a step is still open.
 */
export function supplyStepState(now: Date, deadline: Date, doneAt: Date | null): SupplyStepState {
  if (doneAt) return doneAt.getTime() <= deadline.getTime() ? 'DONE' : 'DONE_LATE';
  return now.getTime() > deadline.getTime() ? 'MISSED' : 'OPEN';
}

export interface SupplyDayProgress {
  /** When today's plan was approved (null: not yet). */
  planApprovedAt: Date | null;
  /** When the last of today's planned deliveries arrived (null: not all yet; no deliveries planned counts as done at approval). */
  deliveredAt: Date | null;
  /** When today's summary was marked ready (null: not yet). */
  summaryReadyAt: Date | null;
}

/** The steps of `day` missed at `now` (the NEEDS cut-off is a boundary, not a task: never missed). */
export function missedSupplySteps(
  now: Date,
  day: string,
  progress: SupplyDayProgress,
  times: SupplyDayTimes = DEFAULT_SUPPLY_DAY_TIMES,
): SupplyDayStep[] {
  const deadlines = supplyDayDeadlines(day, times);
  const done: Record<Exclude<SupplyDayStep, 'NEEDS'>, Date | null> = {
    PLAN_APPROVED: progress.planApprovedAt,
    DELIVERED: progress.deliveredAt,
    SUMMARY: progress.summaryReadyAt,
  };
  return (['PLAN_APPROVED', 'DELIVERED', 'SUMMARY'] as const).filter(
    (step) => supplyStepState(now, deadlines[step], done[step]) === 'MISSED',
  );
}
