/** The people who use the console (DOMAIN.md, "Who uses it"). A user may hold several roles. */
/**
 * INSPECTOR: the discipline inspection commission's read-only oversight (市纪委备案, plan 2 §3.5):
 * reads the day's supply summary and nothing else; belongs to no working group.
 */
export const ROLES = [
  'DUTY_OFFICER',
  'LEADER',
  'DISPATCHER',
  'LOGISTICS_OFFICER',
  'COORDINATOR',
  'UNIT_LIAISON',
  'ADMIN',
  'INSPECTOR',
] as const;
export type Role = (typeof ROLES)[number];

/** The four working groups of plan 3, plus the leader's view across them. */
export const WORKING_GROUPS = ['COORDINATION', 'LOGISTICS', 'TRANSPORT', 'DUTY'] as const;
export type WorkingGroup = (typeof WORKING_GROUPS)[number];
