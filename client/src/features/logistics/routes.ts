import { Box } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const logisticsRoutes: RouteRecordRaw[] = [
  {
    path: '/logistics',
    name: 'logistics',
    component: () => import('./routes/SupplyLedger.vue'),
    meta: {
      // Gated by role until the module's operations are in the policy table; then use { operation }.
      access: { roles: ['LOGISTICS_OFFICER', 'LEADER', 'UNIT_LIAISON'] },
      titleKey: 'logistics.title',
      nav: { section: 'LOGISTICS', order: 10, icon: Box },
    },
  },
];
