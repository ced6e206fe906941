import type { PolicySlice } from './access';

/** The leader's board. */
export const LEADER_POLICY = {
  leaderDashboard: ['LEADER', 'ADMIN'],
} as const satisfies PolicySlice;
