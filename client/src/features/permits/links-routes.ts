import { DataAnalysis } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** The permits' dispatch-side pages (issue 21): the day's permit figures with their chart. */
export const permitLinksRoutes: RouteRecordRaw[] = [
  {
    path: '/permits/figures',
    name: 'permit-figures',
    component: () => import('./routes/PermitFigures.vue'),
    meta: {
      access: { operation: 'permitFigures' },
      titleKey: 'permits.links.figures.title',
      nav: { section: 'TRANSPORT', order: 60, icon: DataAnalysis },
    },
  },
];
