import { DataBoard } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const leaderRoutes: RouteRecordRaw[] = [
  {
    path: '/leader',
    name: 'leader',
    component: () => import('./routes/LeaderOverview.vue'),
    meta: {
      // Gated by role until the module's operations are in the policy table; then use { operation }.
      access: { roles: ['LEADER', 'ADMIN'] },
      titleKey: 'leader.title',
      nav: { section: 'LEADER', order: 10, icon: DataBoard },
    },
  },
];
