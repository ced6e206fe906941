import { Calendar, Message, Phone, Promotion, Switch } from '@element-plus/icons-vue';
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
    path: '/duty/roster',
    name: 'duty-roster',
    component: () => import('./routes/DutyRoster.vue'),
    meta: { access: { operation: 'dutyRoster' }, titleKey: 'duty.roster.title', nav: { section: 'DUTY', order: 30, icon: Calendar } },
  },
  {
    path: '/duty/instructions',
    name: 'duty-instructions',
    component: () => import('./routes/HqInstructions.vue'),
    meta: {
      access: { operation: 'hqInstructions' },
      titleKey: 'duty.instructions.title',
      nav: { section: 'DUTY', order: 40, icon: Promotion },
    },
  },
  {
    path: '/duty/handover',
    name: 'duty-handover',
    component: () => import('./routes/ShiftHandover.vue'),
    meta: {
      access: { operation: 'currentShiftHandover' },
      titleKey: 'duty.handover.title',
      nav: { section: 'DUTY', order: 50, icon: Switch },
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
