import { atHqTime, hqDay } from './hq-time';

/**
 * 日报告 / 零报告: every member unit reports every day, by each report type's own due time (HQ
 * time, UTC+8), even when there is nothing to report. Both ends read these rules.
 */

/** The kinds of a report type's structured fields: a number (counted, summed in the roll-up) or a short text. */
export const DAILY_REPORT_FIELD_KINDS = ['NUMBER', 'TEXT'] as const;
export type DailyReportFieldKind = (typeof DAILY_REPORT_FIELD_KINDS)[number];

/** Where a unit stands with one report type on one HQ day. */
export const DAILY_REPORT_STATUSES = ['ON_TIME', 'LATE', 'MISSING', 'PENDING'] as const;
export type DailyReportStatus = (typeof DAILY_REPORT_STATUSES)[number];

export const DAILY_REPORT_LIMITS = {
  typeName: 60,
  typeCode: 40,
  fields: 20,
  fieldKey: 40,
  fieldLabel: 60,
  textValue: 500,
  note: 4_000,
  reason: 500,
  /** How many HQ days back a unit may still file a (late) report. */
  backfillDays: 7,
  /** The largest number a number field takes (an honest count, not an overflow). */
  maxNumber: 1_000_000_000,
} as const;

export const DAILY_REPORT_CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;
export const DAILY_REPORT_FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9]*$/;
export const DAILY_REPORT_DUE_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface DailyReportFieldSpec {
  key: string;
  label: string;
  kind: DailyReportFieldKind;
}

/** The instant a report of `dueTime` ('HH:mm', HQ time) for HQ day `day` is due. */
export function dailyReportDueAt(day: string, dueTime: string): Date {
  return atHqTime(day, dueTime);
}

/**
 * Where a unit stands: reported on time, late (after the due time; a late report still clears
 * the missing alert), missing (due time passed, nothing filed) or pending (not yet due).
 * At the due instant itself a unit without a report is missing: "by 16:00" means filed before.
 */
export function dailyReportStatus(day: string, dueTime: string, submittedAt: Date | null, now: Date): DailyReportStatus {
  const due = dailyReportDueAt(day, dueTime);
  if (submittedAt) return submittedAt.getTime() <= due.getTime() ? 'ON_TIME' : 'LATE';
  return now.getTime() >= due.getTime() ? 'MISSING' : 'PENDING';
}

/** Whether a report filed at `at` for `day` is late. */
export function isLateDailyReport(day: string, dueTime: string, at: Date): boolean {
  return at.getTime() > dailyReportDueAt(day, dueTime).getTime();
}

/** Whether `day` may be reported for at `now`: today at HQ or up to `backfillDays` before, never ahead. */
export function isReportableDay(day: string, now: Date): boolean {
  const today = hqDay(now);
  if (day > today) return false;
  const earliest = hqDay(new Date(now.getTime() - DAILY_REPORT_LIMITS.backfillDays * 86_400_000));
  return day >= earliest;
}
