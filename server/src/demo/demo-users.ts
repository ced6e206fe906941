import type { Role } from '@cc/shared';

/** Demo mode only: one user per role (README lists them). Never created in production. */
export const DEMO_USERS: readonly { username: string; displayName: string; roles: Role[]; unit?: string }[] = [
  { username: 'duty', displayName: '王值班 (值班员)', roles: ['DUTY_OFFICER'] },
  { username: 'leader', displayName: '李带班 (带班领导)', roles: ['LEADER'] },
  { username: 'dispatcher', displayName: '张调配 (运输调配)', roles: ['DISPATCHER'] },
  { username: 'logistics', displayName: '赵后勤 (后勤保障)', roles: ['LOGISTICS_OFFICER'] },
  { username: 'coordinator', displayName: '陈协调 (综合协调)', roles: ['COORDINATOR'] },
  { username: 'liaison', displayName: '刘联络 (联络员)', roles: ['UNIT_LIAISON'], unit: 'AGRICULTURE' },
  { username: 'admin', displayName: '系统管理员', roles: ['ADMIN'] },
  { username: 'inspector', displayName: '孙监督 (纪委备案)', roles: ['INSPECTOR'] },
];

/** The same password for every demo user, printed in README. */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_UNITS = [
  { code: 'AGRICULTURE', name: '县农业农村局' },
  { code: 'COMMERCE', name: '县商务局' },
  { code: 'INDUSTRY', name: '县工业和信息化局' },
  { code: 'HEALTH', name: '县卫生健康局' },
] as const;
