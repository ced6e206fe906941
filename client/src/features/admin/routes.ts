import { Setting } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/admin',
    name: 'admin',
    component: () => import('./routes/UserList.vue'),
    meta: {
      // Gated by role until the module's operations are in the policy table; then use { operation }.
      access: { roles: ['ADMIN'] },
      titleKey: 'admin.title',
      nav: { section: 'ADMIN', order: 10, icon: Setting },
    },
  },
];
