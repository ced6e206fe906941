import type { PolicySlice } from './access';

/** Identity: signing in, one's own account, and the administration of people and member units. */
export const IDENTITY_POLICY = {
  // signing in, and one's own account
  me: 'PUBLIC',
  login: 'PUBLIC',
  logout: 'AUTHENTICATED',
  changePassword: 'AUTHENTICATED',
  // administrators manage people, roles and member units
  users: ['ADMIN'],
  createUser: ['ADMIN'],
  updateUser: ['ADMIN'],
  setUserActive: ['ADMIN'],
  resetUserPassword: ['ADMIN'],
  memberUnits: ['ADMIN'],
  createMemberUnit: ['ADMIN'],
  updateMemberUnit: ['ADMIN'],
  // a liaison reads their own unit only (record-level: core/auth/unit-scope.ts)
  memberUnit: 'AUTHENTICATED',
} as const satisfies PolicySlice;
