/** A daily report was filed or amended, or a report type changed. Consoles re-read the board. */
export interface DailyReportEventPayload {
  /** The unit the report is of; null for a report type's change (every console re-reads). */
  unitId: string | null;
  typeId: string;
  /** The HQ day the report is for; null for a report type's change. */
  day: string | null;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    dailyReport: DailyReportEventPayload;
  }
}

export const DAILY_REPORT_TOPIC = 'dailyReport' as const;
