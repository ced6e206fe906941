import { hqDay } from '@cc/shared';
import type { LeaderFiguresSource } from '../../core/leader-figures';
import type { DailyReportService } from './daily-report.service';

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Today (HQ day): reports past their due time that units have not filed, one per unit and type. */
    dailyReportsMissingToday: number | null;
  }
}

/** The coordination group's figure on the leader's board: today's missing daily reports (漏报). */
export function dailyReportLeaderFigures(reports: DailyReportService): LeaderFiguresSource {
  return async (em, { now }) => {
    const today = hqDay(now);
    const missing = (await reports.missing(em, now)).filter((m) => m.day === today);
    const next = await reports.nextDueAt(em, now);
    return {
      dailyReportsMissingToday: missing.reduce((sum, m) => sum + m.units.length, 0),
      ...(next ? { nextClockChangeAt: next } : {}),
    };
  };
}
