import { Calendar, Document, EditPen, Files, Flag, List, Stamp, Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const coordinationRoutes: RouteRecordRaw[] = [
  {
    path: '/coordination',
    name: 'coordination',
    component: () => import('./routes/CoordinationHub.vue'),
    meta: {
      access: { roles: ['COORDINATOR', 'LEADER', 'UNIT_LIAISON'] },
      titleKey: 'coordination.title',
      nav: { section: 'COORDINATION', order: 10, icon: Document },
    },
  },
  {
    path: '/coordination/directives',
    name: 'coordination-directives',
    component: () => import('./routes/DirectiveBoard.vue'),
    meta: {
      access: { operation: 'directives' },
      titleKey: 'coordination.directives.title',
      nav: { section: 'COORDINATION', order: 20, icon: List },
    },
  },
  {
    path: '/coordination/directives/:id',
    name: 'coordination-directive',
    component: () => import('./routes/DirectiveDetail.vue'),
    meta: { access: { operation: 'directive' }, titleKey: 'coordination.directives.title' },
  },
  {
    path: '/coordination/meetings',
    name: 'coordination-meetings',
    component: () => import('./routes/MeetingsPage.vue'),
    meta: {
      access: { operation: 'meetings' },
      titleKey: 'coordination.meetings.title',
      nav: { section: 'COORDINATION', order: 30, icon: Calendar },
    },
  },
  {
    path: '/coordination/response-level',
    name: 'coordination-response-level',
    component: () => import('./routes/ResponseLevelPage.vue'),
    meta: {
      access: { operation: 'responseLevelHistory' },
      titleKey: 'coordination.responseLevel.history',
      nav: { section: 'COORDINATION', order: 90, icon: Flag },
    },
  },
  // Daily reports (日报告 / 零报告): the coordinator's live board, the liaison's form, the roll-up and the calendar.
  {
    path: '/coordination/reports',
    name: 'coordination-reports',
    component: () => import('./routes/DailyReportBoard.vue'),
    meta: {
      access: { operation: 'dailyReportBoard' },
      titleKey: 'coordination.reports.nav',
      nav: { section: 'COORDINATION', order: 40, icon: Tickets },
    },
  },
  {
    path: '/coordination/reports/submit',
    name: 'coordination-report-submit',
    component: () => import('./routes/DailyReportSubmit.vue'),
    meta: {
      access: { operation: 'submitDailyReport' },
      titleKey: 'coordination.reports.submitNav',
      nav: { section: 'COORDINATION', order: 41, icon: EditPen },
    },
  },
  {
    path: '/coordination/reports/rollup',
    name: 'coordination-report-rollup',
    component: () => import('./routes/DailyReportRollup.vue'),
    meta: {
      access: { operation: 'dailyReportRollup' },
      titleKey: 'coordination.reports.rollupNav',
      nav: { section: 'COORDINATION', order: 42, icon: Files },
    },
  },
  {
    path: '/coordination/reports/calendar',
    name: 'coordination-report-calendar',
    component: () => import('./routes/DailyReportCalendar.vue'),
    meta: {
      access: { operation: 'dailyReportCalendar' },
      titleKey: 'coordination.reports.calendarNav',
      nav: { section: 'COORDINATION', order: 43, icon: Calendar },
    },
  },
  {
    path: '/coordination/documents',
    name: 'coordination-documents',
    component: () => import('./routes/DocumentList.vue'),
    meta: {
      access: { operation: 'documents' },
      titleKey: 'coordination.documents.title',
      nav: { section: 'COORDINATION', order: 50, icon: Files },
    },
  },
  {
    path: '/coordination/documents/inbox',
    name: 'coordination-document-inbox',
    component: () => import('./routes/DocumentInbox.vue'),
    meta: {
      access: { operation: 'myDocumentInbox' },
      titleKey: 'coordination.documents.inbox',
      nav: { section: 'COORDINATION', order: 51, icon: Stamp },
    },
  },
  {
    path: '/coordination/documents/:id',
    name: 'coordination-document',
    component: () => import('./routes/DocumentDetail.vue'),
    meta: { access: { operation: 'document' }, titleKey: 'coordination.documents.title' },
  },
];
