import { Van } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const dispatchRoutes: RouteRecordRaw[] = [
  {
    path: '/dispatch',
    name: 'dispatch',
    component: () => import('./routes/DispatchBoard.vue'),
    meta: {
      // Gated by role until the module's operations are in the policy table; then use { operation }.
      access: { roles: ['DISPATCHER', 'LEADER'] },
      titleKey: 'dispatch.title',
      nav: { section: 'TRANSPORT', order: 10, icon: Van },
    },
  },
];
