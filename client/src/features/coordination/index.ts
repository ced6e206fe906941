import { defineFeature } from '../../app/feature';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { coordinationRoutes } from './routes';

/** A missing-report alert leads to the day's board, where the missing units show. */
const reportBoard = () => ({ name: 'coordination-reports' });

/** 综合协调: directives (a placeholder page still) and the member units' daily and zero reports. */
export const coordination = defineFeature({
  name: 'coordination',
  routes: coordinationRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { COORDINATOR: 'coordination' },
  // Daily-report objects are parts of the board and roll-up they are read in, not records of their own.
  cacheKeys: {
    DailyReportChange: () => null,
    DailyReportSignal: () => null,
    DailyReportBoard: () => null,
    DailyReportTypeBoard: () => null,
    DailyReportUnitRow: () => null,
    DailyReportCounts: () => null,
    DailyReportTotal: () => null,
    DailyReportField: () => null,
    DailyReportValue: () => null,
    DailyReportOpenWork: () => null,
    DailyReportRollup: () => null,
    DailyReportCalendar: () => null,
    DailyReportCalendarRow: () => null,
    DailyReportCalendarCell: () => null,
  },
  resumable: { DailyReportChanged: 'dailyReport' },
  alertRules: { 'daily-report-missing': { link: reportBoard } },
});
