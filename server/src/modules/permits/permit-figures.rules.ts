import { median, type PermitCargo } from '@cc/shared';

/** One permit request as the day's figures see it: its cargo, when it was filed, and how it was decided. */
export interface ReviewedRequest {
  cargoKind: PermitCargo;
  filedAt: Date;
  /** When it last entered the review queue (filed, or answered after a question): review time counts from here. */
  submittedAt: Date;
  decision: 'APPROVED' | 'REJECTED' | null;
  decidedAt: Date | null;
}

export interface CargoDayFigures {
  cargoKind: PermitCargo;
  requested: number;
  approved: number;
  rejected: number;
  /** Median minutes from filing to decision, over the decisions made that day; null when none. */
  medianReviewMinutes: number | null;
}

const MINUTE_MS = 60_000;

/**
 * The day's figures by cargo kind: requests filed in [start, end), approvals and rejections
 * decided in it, and the median review time of those decisions — from the request's last entry
 * into the queue to the decision (time waiting for the applicant's answer is not HQ's). Kinds with nothing that day are left out;
 * the order is `kinds`' order, so the chart's bars stay put from day to day.
 */
export function permitDayFigures(
  rows: readonly ReviewedRequest[],
  range: { start: Date; end: Date },
  kinds: readonly PermitCargo[],
): CargoDayFigures[] {
  return kinds
    .map((cargoKind) => ({
      cargoKind,
      ...dayTotals(
        rows.filter((r) => r.cargoKind === cargoKind),
        range,
      ),
    }))
    .filter((f) => f.requested + f.approved + f.rejected > 0);
}

/** The same figures over every cargo kind together. */
export function dayTotals(rows: readonly ReviewedRequest[], range: { start: Date; end: Date }): Omit<CargoDayFigures, 'cargoKind'> {
  const within = (at: Date | null) => at !== null && at.getTime() >= range.start.getTime() && at.getTime() < range.end.getTime();
  const decided = rows.filter((r) => r.decision !== null && within(r.decidedAt));
  const m = median(decided.map((r) => (r.decidedAt!.getTime() - r.submittedAt.getTime()) / MINUTE_MS));
  return {
    requested: rows.filter((r) => within(r.filedAt)).length,
    approved: decided.filter((r) => r.decision === 'APPROVED').length,
    rejected: decided.filter((r) => r.decision === 'REJECTED').length,
    medianReviewMinutes: m === null ? null : Math.round(m * 10) / 10,
  };
}

/** The leader's two permit figures: how many requests wait for review, and since when the oldest. */
export function waitingFigures(waiting: readonly { submittedAt: Date }[], now: Date): { count: number; oldestWaitMinutes: number | null } {
  if (waiting.length === 0) return { count: 0, oldestWaitMinutes: null };
  const oldest = Math.min(...waiting.map((w) => w.submittedAt.getTime()));
  return { count: waiting.length, oldestWaitMinutes: Math.max(0, Math.floor((now.getTime() - oldest) / MINUTE_MS)) };
}
