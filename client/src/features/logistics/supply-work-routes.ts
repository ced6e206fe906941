import { Calendar, Document, List, Warning } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** Requisitions, the daily plan, call-ups and the daily summary (spread into routes.ts). */
export const supplyWorkRoutes: RouteRecordRaw[] = [
  {
    path: '/logistics/requisitions',
    name: 'logistics-requisitions',
    component: () => import('./routes/RequisitionsPage.vue'),
    meta: {
      access: { operation: 'requisitions' },
      titleKey: 'logistics.nav.requisitions',
      nav: { section: 'LOGISTICS', order: 20, icon: List },
    },
  },
  {
    path: '/logistics/plan',
    name: 'logistics-plan',
    component: () => import('./routes/AllocationPlanPage.vue'),
    meta: {
      access: { operation: 'supplyDay' },
      titleKey: 'logistics.nav.plan',
      nav: { section: 'LOGISTICS', order: 30, icon: Calendar },
    },
  },
  {
    path: '/logistics/call-ups',
    name: 'logistics-call-ups',
    component: () => import('./routes/CallUpsPage.vue'),
    meta: {
      access: { operation: 'callUps' },
      titleKey: 'logistics.nav.callUps',
      nav: { section: 'LOGISTICS', order: 40, icon: Warning },
    },
  },
  {
    path: '/logistics/summary',
    name: 'logistics-summary',
    component: () => import('./routes/SupplySummaryPage.vue'),
    meta: {
      access: { operation: 'supplySummary' },
      titleKey: 'logistics.nav.summary',
      nav: { section: 'LOGISTICS', order: 50, icon: Document },
    },
  },
];
