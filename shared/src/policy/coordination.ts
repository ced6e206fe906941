import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/**
 * Who files and amends a member unit's daily report: its liaison (record-level: their own unit
 * only, core/auth/unit-scope.ts), or the coordinator recording one a unit phoned in (代报).
 */
const DAILY_REPORTERS: readonly Role[] = ['UNIT_LIAISON', 'COORDINATOR'];
/** Who decides which daily reports HQ asks for, and by when: the coordinator, a leader, the administrator. */
const DAILY_REPORT_PLANNERS: readonly Role[] = ['COORDINATOR', 'LEADER', 'ADMIN'];

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export const COORDINATION_POLICY = {
  // daily reports (日报告 / 零报告): every HQ role reads the board; a liaison only their own unit's rows
  dailyReportTypes: [...HQ, 'UNIT_LIAISON'],
  dailyReportBoard: [...HQ, 'UNIT_LIAISON'],
  dailyReport: [...HQ, 'UNIT_LIAISON'],
  dailyReportCalendar: [...HQ, 'UNIT_LIAISON'],
  dailyReportRollup: [...HQ, 'UNIT_LIAISON'],
  dailyReportChanged: [...HQ, 'UNIT_LIAISON'],
  createDailyReportType: DAILY_REPORT_PLANNERS,
  updateDailyReportType: DAILY_REPORT_PLANNERS,
  submitDailyReport: DAILY_REPORTERS,
  amendDailyReport: DAILY_REPORTERS,
} as const satisfies PolicySlice;
