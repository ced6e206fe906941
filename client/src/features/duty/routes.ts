import { Message, Phone } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const dutyRoutes: RouteRecordRaw[] = [
  {
    path: '/duty',
    name: 'duty',
    component: () => import('./routes/DutyLog.vue'),
    meta: {
      access: { operation: 'dutyLog' },
      titleKey: 'duty.title',
      nav: { section: 'DUTY', order: 20, icon: Phone },
    },
  },
  {
    path: '/duty/calls/:id',
    name: 'duty-call',
    component: () => import('./routes/DutyCallPage.vue'),
    meta: { access: { operation: 'dutyCall' }, titleKey: 'duty.title' },
  },
  {
    // The receiving side of 运转: every group's officers and the member units' liaisons.
    path: '/duty/inbox',
    name: 'duty-inbox',
    component: () => import('./routes/DutyInbox.vue'),
    meta: {
      access: { operation: 'dutyForwardInbox' },
      titleKey: 'duty.inbox.title',
      // Before the log: a unit liaison, who has no incidents board, lands here.
      nav: { section: 'DUTY', order: 15, icon: Message },
    },
  },
];
