import { Document } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const coordinationRoutes: RouteRecordRaw[] = [
  {
    path: '/coordination',
    name: 'coordination',
    component: () => import('./routes/DirectiveList.vue'),
    meta: {
      // Gated by role until the module's operations are in the policy table; then use { operation }.
      access: { roles: ['COORDINATOR', 'LEADER', 'UNIT_LIAISON'] },
      titleKey: 'coordination.title',
      nav: { section: 'COORDINATION', order: 10, icon: Document },
    },
  },
  {
    path: '/coordination/documents/:id',
    name: 'coordination-document',
    component: () => import('./routes/DocumentsPlaceholder.vue'),
    meta: { access: { operation: 'document' }, titleKey: 'coordination.title' },
  },
];
