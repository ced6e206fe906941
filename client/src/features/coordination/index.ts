import { defineFeature, type AlertSource } from '../../app/feature';
import { coordinationCacheKeys, coordinationCacheUpdates } from './cache-updates';
import { documentCacheKeys, documentCacheUpdates } from './document-cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { coordinationRoutes } from './routes';

/** A missing-report alert leads to the day's board, where the missing units show. */
const reportBoard = () => ({ name: 'coordination-reports' });

/** An overdue sign-off leads to its document, where who has not signed shows and can be reminded. */
const documentPage = (source: AlertSource) =>
  source.entityType === 'Document' ? { name: 'coordination-document', params: { id: source.entityId } } : null;

/** An overdue directive leads to its page: who has not finished, and their notes. */
const directivePage = (source: AlertSource) =>
  source.entityType === 'Directive' ? { name: 'coordination-directive', params: { id: source.entityId } } : null;

/**
 * 综合协调: the landing page linking the group's pages, directives (交办事项) with each assignee's
 * steps, meetings, documents in circulation (文件运转) with their attachments, the member units' daily and zero reports (日报告、零报告) with their roll-up and
 * calendar, and the HQ's response level (the header's badge and its history).
 */
export const coordination = defineFeature({
  name: 'coordination',
  routes: coordinationRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { COORDINATOR: 'coordination' },
  cacheKeys: {
    ...coordinationCacheKeys,
    ...documentCacheKeys,
    // Daily-report objects are parts of the board and roll-up they are read in, not records of their own.
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
  cacheUpdates: {
    Subscription: { ...coordinationCacheUpdates['Subscription'], ...documentCacheUpdates['Subscription'] },
    Mutation: { ...coordinationCacheUpdates['Mutation'], ...documentCacheUpdates['Mutation'] },
  },
  resumable: {
    DirectiveChanged: 'directive',
    ResponseLevelChanged: 'responseLevel',
    MeetingChanged: 'meeting',
    DailyReportChanged: 'dailyReport',
    DocumentChanged: 'document',
  },
  alertRules: {
    'directive-overdue': { link: directivePage },
    'daily-report-missing': { link: reportBoard },
    'document-signoff-overdue': { link: documentPage },
  },
});
