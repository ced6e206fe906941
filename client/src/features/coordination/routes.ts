import { Calendar, Document, Flag, List } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const coordinationRoutes: RouteRecordRaw[] = [
  {
    path: '/coordination',
    name: 'coordination',
    component: () => import('./routes/CoordinationHub.vue'),
    meta: {
      access: { roles: ['COORDINATOR', 'LEADER', 'UNIT_LIAISON'] },
      titleKey: 'coordination.title',
      nav: { section: 'COORDINATION', order: 10, icon: Document },
    },
  },
  {
    path: '/coordination/directives',
    name: 'coordination-directives',
    component: () => import('./routes/DirectiveBoard.vue'),
    meta: {
      access: { operation: 'directives' },
      titleKey: 'coordination.directives.title',
      nav: { section: 'COORDINATION', order: 20, icon: List },
    },
  },
  {
    path: '/coordination/directives/:id',
    name: 'coordination-directive',
    component: () => import('./routes/DirectiveDetail.vue'),
    meta: { access: { operation: 'directive' }, titleKey: 'coordination.directives.title' },
  },
  {
    path: '/coordination/meetings',
    name: 'coordination-meetings',
    component: () => import('./routes/MeetingsPage.vue'),
    meta: {
      access: { operation: 'meetings' },
      titleKey: 'coordination.meetings.title',
      nav: { section: 'COORDINATION', order: 30, icon: Calendar },
    },
  },
  {
    path: '/coordination/response-level',
    name: 'coordination-response-level',
    component: () => import('./routes/ResponseLevelPage.vue'),
    meta: {
      access: { operation: 'responseLevelHistory' },
      titleKey: 'coordination.responseLevel.history',
      nav: { section: 'COORDINATION', order: 90, icon: Flag },
    },
  },
];
