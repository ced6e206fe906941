import { DataAnalysis, Van } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const dispatchRoutes: RouteRecordRaw[] = [
  {
    path: '/dispatch',
    name: 'dispatch',
    component: () => import('./routes/DispatchBoard.vue'),
    meta: { access: { operation: 'standbyBoard' }, titleKey: 'dispatch.board.title', nav: { section: 'TRANSPORT', order: 10, icon: Van } },
  },
  {
    path: '/dispatch/figures',
    name: 'dispatch-figures',
    component: () => import('./routes/DispatchFigures.vue'),
    meta: {
      access: { operation: 'dispatchFigures' },
      titleKey: 'dispatch.figures.title',
      nav: { section: 'TRANSPORT', order: 20, icon: DataAnalysis },
    },
  },
];
