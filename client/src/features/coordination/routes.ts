import { Document, Files, Stamp } from '@element-plus/icons-vue';
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
    path: '/coordination/documents',
    name: 'coordination-documents',
    component: () => import('./routes/DocumentList.vue'),
    meta: {
      access: { operation: 'documents' },
      titleKey: 'coordination.documents.title',
      nav: { section: 'COORDINATION', order: 20, icon: Files },
    },
  },
  {
    path: '/coordination/documents/inbox',
    name: 'coordination-document-inbox',
    component: () => import('./routes/DocumentInbox.vue'),
    meta: {
      access: { operation: 'myDocumentInbox' },
      titleKey: 'coordination.documents.inbox',
      nav: { section: 'COORDINATION', order: 25, icon: Stamp },
    },
  },
  {
    path: '/coordination/documents/:id',
    name: 'coordination-document',
    component: () => import('./routes/DocumentDetail.vue'),
    meta: { access: { operation: 'document' }, titleKey: 'coordination.documents.title' },
  },
];
