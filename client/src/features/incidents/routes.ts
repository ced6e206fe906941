import { WarningFilled } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const incidentRoutes: RouteRecordRaw[] = [
  {
    path: '/incidents',
    name: 'incidents',
    component: () => import('./routes/IncidentBoard.vue'),
    meta: {
      access: { operation: 'incidents' },
      titleKey: 'incidents.board.title',
      nav: { section: 'DUTY', order: 10, icon: WarningFilled },
    },
  },
  {
    path: '/incidents/:id',
    name: 'incident-detail',
    component: () => import('./routes/IncidentDetail.vue'),
    meta: { access: { operation: 'incident' }, titleKey: 'incidents.detail.title' },
  },
];
