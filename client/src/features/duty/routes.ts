import { Calendar, Phone } from '@element-plus/icons-vue';
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
];
