import { Box, Download, Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { supplyWorkRoutes } from './supply-work-routes';

export const logisticsRoutes: RouteRecordRaw[] = [
  {
    path: '/logistics',
    name: 'logistics',
    component: () => import('./routes/StockBalances.vue'),
    meta: {
      access: { operation: 'stockBalances' },
      titleKey: 'logistics.balances.title',
      nav: { section: 'LOGISTICS', order: 10, icon: Box },
    },
  },
  {
    path: '/logistics/ledger',
    name: 'logistics-ledger',
    component: () => import('./routes/SupplyLedger.vue'),
    meta: {
      access: { operation: 'supplyLedger' },
      titleKey: 'logistics.ledger.title',
      nav: { section: 'LOGISTICS', order: 20, icon: Tickets },
    },
  },
  {
    path: '/logistics/intake',
    name: 'logistics-intake',
    component: () => import('./routes/SupplyIntake.vue'),
    meta: {
      access: { operation: 'supplyIntakes' },
      titleKey: 'logistics.intake.title',
      nav: { section: 'LOGISTICS', order: 30, icon: Download },
    },
  },
  ...supplyWorkRoutes,
];
