import { Calendar, Phone, Promotion, Switch } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const dutyRoutes: RouteRecordRaw[] = [
  {
    path: '/duty',
    name: 'duty',
    component: () => import('./routes/DutyLog.vue'),
    meta: {
      // Gated by role until the module's operations are in the policy table; then use { operation }.
      access: { roles: ['DUTY_OFFICER', 'LEADER'] },
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
];
