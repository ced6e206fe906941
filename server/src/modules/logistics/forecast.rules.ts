/*
 * 科学预测储备数量 (plan 3): consumption from the ledger, days of cover at the current rate, and
 * when a balance is at risk. Pure: the service feeds it sums read from the ledger.
 */

/** The rate is the average daily outflow over this many days before now. */
export const USE_WINDOW_DAYS = 7;

/** Outflow of one item at one place: issues and transfers out, less reversals of those. */
export interface Outflow {
  at: Date;
  quantity: number;
}

/** Average daily use over the window ending at `now` (entries outside it are ignored; never below 0). */
export function dailyUse(outflows: readonly Outflow[], now: Date, windowDays = USE_WINDOW_DAYS): number {
  const since = now.getTime() - windowDays * 86_400_000;
  const total = outflows.filter((o) => o.at.getTime() >= since && o.at.getTime() <= now.getTime()).reduce((s, o) => s + o.quantity, 0);
  return Math.max(total, 0) / windowDays;
}

/** Days the quantity lasts at that rate; null when nothing is used (it lasts indefinitely). One decimal. */
export function daysOfCover(quantity: number, use: number): number | null {
  if (use <= 0) return null;
  return Math.floor((quantity / use) * 10) / 10;
}

export interface RiskInput {
  quantity: number;
  minimum: number | null;
  daysOfCover: number | null;
  coverDaysFloor: number | null;
}

export type RiskReason = 'BELOW_MINIMUM' | 'LOW_COVER';

/** Why a balance is at risk: below its minimum, or fewer days of cover than its item's floor (plan 4: a week of necessities). */
export function riskReasons(b: RiskInput): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (b.minimum !== null && b.minimum > 0 && b.quantity < b.minimum) reasons.push('BELOW_MINIMUM');
  if (b.coverDaysFloor !== null && b.daysOfCover !== null && b.daysOfCover < b.coverDaysFloor) reasons.push('LOW_COVER');
  return reasons;
}

/**
 * A checkpoint's replenishment (及时添置配送各交通检疫点所需物资): enough to reach the larger of its
 * minimum and `floor` days of cover, rounded up to a whole unit; 0 when it already has that.
 */
export function replenishment(b: RiskInput & { dailyUse: number }, floorDays: number): number {
  const target = Math.max(b.minimum ?? 0, Math.ceil(b.dailyUse * (b.coverDaysFloor ?? floorDays)));
  return Math.max(target - b.quantity, 0);
}
