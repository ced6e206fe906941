import { Calendar, Document, EditPen, Files, Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const coordinationRoutes: RouteRecordRaw[] = [
  {
    path: '/coordination',
    name: 'coordination',
    component: () => import('./routes/DirectiveList.vue'),
    meta: {
      // Gated by role until the module's operations are in the policy table; then use { operation }.
      access: { roles: ['COORDINATOR', 'LEADER', 'UNIT_LIAISON'] },
      titleKey: 'coordination.title',
      nav: { section: 'COORDINATION', order: 10, icon: Document },
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
      nav: { section: 'COORDINATION', order: 20, icon: Tickets },
    },
  },
  {
    path: '/coordination/reports/submit',
    name: 'coordination-report-submit',
    component: () => import('./routes/DailyReportSubmit.vue'),
    meta: {
      access: { operation: 'submitDailyReport' },
      titleKey: 'coordination.reports.submitNav',
      nav: { section: 'COORDINATION', order: 21, icon: EditPen },
    },
  },
  {
    path: '/coordination/reports/rollup',
    name: 'coordination-report-rollup',
    component: () => import('./routes/DailyReportRollup.vue'),
    meta: {
      access: { operation: 'dailyReportRollup' },
      titleKey: 'coordination.reports.rollupNav',
      nav: { section: 'COORDINATION', order: 22, icon: Files },
    },
  },
  {
    path: '/coordination/reports/calendar',
    name: 'coordination-report-calendar',
    component: () => import('./routes/DailyReportCalendar.vue'),
    meta: {
      access: { operation: 'dailyReportCalendar' },
      titleKey: 'coordination.reports.calendarNav',
      nav: { section: 'COORDINATION', order: 23, icon: Calendar },
    },
  },
];
