import { DataAnalysis, Position, Van } from '@element-plus/icons-vue';
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
  {
    path: '/dispatch/requests',
    name: 'transport-requests',
    component: () => import('./routes/MyTransportRequests.vue'),
    meta: {
      access: { operation: 'myTransportRequests' },
      titleKey: 'dispatch.requests.title',
      nav: { section: 'TRANSPORT', order: 30, icon: Position },
    },
  },
];
