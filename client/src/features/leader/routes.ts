import { DataBoard } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const leaderRoutes: RouteRecordRaw[] = [
  {
    path: '/leader',
    name: 'leader',
    component: () => import('./routes/LeaderOverview.vue'),
    meta: {
      access: { operation: 'leaderDashboard' },
      titleKey: 'leader.title',
      nav: { section: 'LEADER', order: 10, icon: DataBoard },
    },
  },
];
