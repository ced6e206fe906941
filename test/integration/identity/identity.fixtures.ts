import { DEMO_PASSWORD } from '../../../server/src/demo/demo-users';
import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

const FIXTURE_PASSWORD = 'fixture-password-1';

async function newUser(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { createUser } = await env.setup<{ createUser: { id: string; version: number } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id version } }',
    { input: { username: env.unique('target'), displayName: '测试对象', password: FIXTURE_PASSWORD, roles: ['DUTY_OFFICER'] } },
  );
  return createUser;
}

async function newUnit(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { createMemberUnit } = await env.setup<{ createMemberUnit: { id: string; version: number } }>(
    'mutation($input: CreateMemberUnitInput!) { createMemberUnit(input: $input) { id version } }',
    { input: { code: env.unique('unit').toUpperCase().replaceAll('-', '_'), name: '测试成员单位' } },
  );
  return createMemberUnit;
}

/** Identity: signing in, one's own account, and the administration of people and member units. */
export const MODULE: ModuleTests = {
  module: 'identity',
  fixtures: {
    // signing in, one's own account
    me: () => ({}),
    login: (env) => ({ username: env.actor?.username ?? 'duty', password: env.actor?.password ?? DEMO_PASSWORD }),
    logout: () => ({}),
    changePassword: (env) => ({
      currentPassword: env.actor?.password ?? 'not-signed-in',
      newPassword: `${env.actor?.password ?? 'x'}-changed`,
    }),

    // administration
    users: () => ({}),
    createUser: (env) => ({
      input: {
        username: env.unique('new'),
        displayName: '新同事',
        password: FIXTURE_PASSWORD,
        roles: ['DUTY_OFFICER', 'LEADER'],
        phone: '010-6000 0000',
      },
    }),
    updateUser: async (env) => {
      const target = await newUser(env);
      return {
        input: {
          id: target.id,
          expectedVersion: target.version,
          displayName: '改名后的同事',
          roles: ['COORDINATOR'],
          unitId: null,
          phone: '',
        },
      };
    },
    setUserActive: async (env) => ({ id: (await newUser(env)).id, active: false }),
    resetUserPassword: async (env) => ({ id: (await newUser(env)).id, newPassword: 'a-new-password-1' }),
    memberUnits: () => ({}),
    memberUnit: (env) => ({ id: env.actor?.unitId ?? env.unitId('AGRICULTURE') }),
    createMemberUnit: (env) => ({ input: { code: env.unique('unit').toUpperCase().replaceAll('-', '_'), name: '县交通运输局' } }),
    updateMemberUnit: async (env) => {
      const unit = await newUnit(env);
      return { input: { id: unit.id, expectedVersion: unit.version, name: '县交通运输局（更名）', active: true } };
    },
  },
  fieldHints: {
    username: ['duty', 'new-colleague', 'AB'],
    password: ['a-long-password-1', 'short'],
    newPassword: ['another-password-2', 'short'],
    currentPassword: ['demo-password', 'wrong-password-9'],
    code: ['HEALTH', 'NEW_UNIT_1', 'lower'],
    phone: ['010-6000 0000', '13800000000', '+86 10 1234 5678'],
  },
  invariants: {
    app_user: [
      {
        broken: 'no active administrator left',
        sql: `select 1 where not exists (select 1 from app_user where 'ADMIN' = any (roles) and active)`,
      },
    ],
    user_session: [
      {
        // Deactivating someone ends their sessions in the same transaction (user.service.ts).
        broken: 'a live session of a deactivated user',
        sql: `select s.id::text, u.username from user_session s join app_user u on u.id = s.user_id
              where not u.active and s.revoked_at is null and s.expires_at > now()`,
      },
    ],
    member_unit: { none: 'its code format and a present name are CHECK constraints (0004); a liaison’s unit is a foreign key' },
    login_throttle: { none: 'failed sign-in counters, written by sign-in attempts only; scope and count are CHECK constraints' },
  },
};
