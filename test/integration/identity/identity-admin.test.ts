import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';
import { wsClient } from '../../support/ws-client';

const USER_FIELDS = 'id username displayName roles unitId phone active version unit { code name }';
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { ${USER_FIELDS} } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { ${USER_FIELDS} } }`;
const RESET = `mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { id } }`;
const CREATE_UNIT = 'mutation($input: CreateMemberUnitInput!) { createMemberUnit(input: $input) { id code name active version } }';
const UPDATE_UNIT = 'mutation($input: UpdateMemberUnitInput!) { updateMemberUnit(input: $input) { id code name active version } }';

interface UserRow {
  id: string;
  username: string;
  roles: string[];
  unitId: string | null;
  active: boolean;
  version: number;
  unit: { code: string; name: string } | null;
}

function errorOf(response: GraphQLResponse) {
  return response.errors?.[0]?.extensions;
}

/** Opens a live socket for the cookie and resolves with its close code. */
async function watchSocket(t: TestApp, cookie: string) {
  const client = wsClient(t.wsUrl, cookie);
  let connected = false;
  client.on('connected', () => void (connected = true));
  const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
  client.subscribe(
    { query: 'subscription { incidentChanged { kind } }' },
    { next: () => undefined, error: () => undefined, complete: () => undefined },
  );
  const deadline = Date.now() + 10_000;
  while (!connected) {
    if (Date.now() > deadline) throw new Error('socket did not connect');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { client, closed };
}

describe('administering people and member units', () => {
  let t: TestApp;
  let admin: string;
  let units: Map<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    const listed = await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, admin);
    units = new Map(listed.data!.memberUnits.map((u) => [u.code, u.id]));
  });
  afterAll(() => t?.close());

  const create = (input: Record<string, unknown>) =>
    t.gql<{ createUser: UserRow }>(CREATE, { input: { password: 'first-password-1', phone: '', ...input } }, admin);

  it('creates a person who can then sign in with the roles given; the name is stored in lower case', async () => {
    const created = await create({ username: 'Wang.Ping', displayName: '王平', roles: ['DUTY_OFFICER', 'COORDINATOR'] });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createUser).toMatchObject({
      username: 'wang.ping',
      roles: ['DUTY_OFFICER', 'COORDINATOR'],
      unitId: null,
      active: true,
      version: 1,
    });
    const cookie = await t.login('wang.ping', 'first-password-1');
    expect((await t.gql('{ me { roles } }', {}, cookie)).data).toEqual({ me: { roles: ['DUTY_OFFICER', 'COORDINATOR'] } });
    const listed = await t.gql<{ users: { username: string }[] }>('{ users { username } }', {}, admin);
    expect(listed.data!.users.map((u) => u.username)).toContain('wang.ping');
  });

  it('requires a unit for a unit liaison, and a liaison only of that unit', async () => {
    expect(errorOf(await create({ username: 'liaison-two', displayName: '联络员', roles: ['UNIT_LIAISON'] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'unitId',
    });
    expect(
      errorOf(
        await create({
          username: 'liaison-two',
          displayName: '联络员',
          roles: ['UNIT_LIAISON', 'DUTY_OFFICER'],
          unitId: units.get('HEALTH'),
        }),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'roles',
    });
    expect(
      errorOf(await create({ username: 'hq-with-unit', displayName: '值班', roles: ['DUTY_OFFICER'], unitId: units.get('HEALTH') })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'unitId',
    });
    const ok = await create({ username: 'liaison-two', displayName: '卫健联络员', roles: ['UNIT_LIAISON'], unitId: units.get('HEALTH') });
    expect(ok.data!.createUser).toMatchObject({ unitId: units.get('HEALTH'), unit: { code: 'HEALTH' } });
  });

  it('explains each invalid value by field', async () => {
    expect(errorOf(await create({ username: 'x', displayName: '短', roles: ['LEADER'] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'username',
    });
    expect(errorOf(await create({ username: 'short-password', displayName: '短', roles: ['LEADER'], password: 'short' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'password',
    });
    expect(errorOf(await create({ username: 'no-roles', displayName: '无', roles: [] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'roles',
    });
    expect(errorOf(await create({ username: 'blank-name', displayName: '   ', roles: ['LEADER'] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'displayName',
    });
    expect(errorOf(await create({ username: 'DUTY', displayName: '重名', roles: ['LEADER'] }))).toMatchObject({
      code: 'CONFLICT',
      field: 'username',
    });
  });

  it('changing someone’s roles signs them out everywhere, so the new rights apply at once', async () => {
    const { data } = await create({ username: 'role-change', displayName: '调岗', roles: ['DUTY_OFFICER'] });
    const user = data!.createUser;
    const cookie = await t.login('role-change', 'first-password-1');
    const socket = await watchSocket(t, cookie);

    const stale = await t.gql(
      UPDATE,
      { input: { id: user.id, expectedVersion: user.version + 5, displayName: '调岗', roles: ['LEADER'], phone: '' } },
      admin,
    );
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', reason: 'record/stale' });

    const updated = await t.gql<{ updateUser: UserRow }>(
      UPDATE,
      { input: { id: user.id, expectedVersion: user.version, displayName: '调岗', roles: ['LEADER'], phone: '139 0000 0000' } },
      admin,
    );
    expect(updated.data!.updateUser).toMatchObject({ roles: ['LEADER'], version: user.version + 1 });
    expect(await socket.closed).toBe(4401);
    expect((await t.gql('{ me { roles } }', {}, cookie)).data).toEqual({ me: null });
    const again = await t.login('role-change', 'first-password-1');
    expect((await t.gql('{ me { roles } }', {}, again)).data).toEqual({ me: { roles: ['LEADER'] } });
    await socket.client.dispose();
  });

  it('a name or phone change keeps the person signed in', async () => {
    const { data } = await create({ username: 'rename-only', displayName: '旧名', roles: ['DISPATCHER'] });
    const cookie = await t.login('rename-only', 'first-password-1');
    const u = data!.createUser;
    await t.gql(
      UPDATE,
      { input: { id: u.id, expectedVersion: u.version, displayName: '新名', roles: ['DISPATCHER'], phone: '010-1' } },
      admin,
    );
    expect((await t.gql('{ me { displayName } }', {}, cookie)).data).toEqual({ me: { displayName: '新名' } });
  });

  it('deactivating a person closes their sockets, ends their sessions and refuses their sign-in like a wrong password', async () => {
    const { data } = await create({ username: 'leaving', displayName: '离岗', roles: ['LOGISTICS_OFFICER'] });
    const cookie = await t.login('leaving', 'first-password-1');
    const socket = await watchSocket(t, cookie);
    const off = await t.gql<{ setUserActive: UserRow }>(SET_ACTIVE, { id: data!.createUser.id, active: false }, admin);
    expect(off.data!.setUserActive.active).toBe(false);
    expect(await socket.closed).toBe(4401);
    expect((await t.gql('{ me { username } }', {}, cookie)).data).toEqual({ me: null });
    const refused = await t.gql('mutation { login(username: "leaving", password: "first-password-1") { userId } }');
    expect(refused.errors?.[0]).toMatchObject({
      message: 'The user name or password is not right.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await t.gql(SET_ACTIVE, { id: data!.createUser.id, active: true }, admin);
    expect(await t.login('leaving', 'first-password-1')).toMatch(/^cc_session=/);
    await socket.client.dispose();
  });

  it('resetting a password ends the person’s sessions; the new password works, the old does not', async () => {
    const { data } = await create({ username: 'forgetful', displayName: '忘密码', roles: ['COORDINATOR'] });
    const cookie = await t.login('forgetful', 'first-password-1');
    const reset = await t.gql(RESET, { id: data!.createUser.id, p: 'second-password-2' }, admin);
    expect(reset.errors).toBeUndefined();
    expect((await t.gql('{ me { username } }', {}, cookie)).data).toEqual({ me: null });
    await expect(t.login('forgetful', 'first-password-1')).rejects.toThrow();
    expect(await t.login('forgetful', 'second-password-2')).toMatch(/^cc_session=/);
    expect(errorOf(await t.gql(RESET, { id: data!.createUser.id, p: 'short' }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
    });
  });

  it('keeps at least one active administrator, and an administrator cannot deactivate themselves', async () => {
    const me = await t.gql<{ me: { userId: string } }>('{ me { userId } }', {}, admin);
    const self = await t.gql(SET_ACTIVE, { id: me.data!.me.userId, active: false }, admin);
    expect(errorOf(self)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'identity/self_deactivation' });

    const users = await t.gql<{ users: UserRow[] }>(`{ users { ${USER_FIELDS} } }`, {}, admin);
    const demoAdmin = users.data!.users.find((u) => u.username === 'admin')!;
    const demoted = await t.gql(
      UPDATE,
      { input: { id: demoAdmin.id, expectedVersion: demoAdmin.version, displayName: '系统管理员', roles: ['LEADER'], phone: '' } },
      admin,
    );
    expect(errorOf(demoted)).toMatchObject({ code: 'CONFLICT', reason: 'identity/last_admin' });

    // With a second administrator, the first may step down.
    await create({ username: 'second-admin', displayName: '第二管理员', roles: ['ADMIN'] });
    const stepDown = await t.gql(
      UPDATE,
      { input: { id: demoAdmin.id, expectedVersion: demoAdmin.version, displayName: '系统管理员', roles: ['LEADER'], phone: '' } },
      admin,
    );
    expect(stepDown.errors).toBeUndefined();
  });

  it('answers an unknown or malformed id with NOT_FOUND', async () => {
    const admin2 = await t.login('second-admin', 'first-password-1');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(errorOf(await t.gql(SET_ACTIVE, { id, active: false }, admin2))).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('member units', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  it('creates a unit with an upper-case code, renames and deactivates it; the code must be unique', async () => {
    const created = await t.gql<{ createMemberUnit: { id: string; code: string; version: number } }>(
      CREATE_UNIT,
      { input: { code: 'transport', name: '县交通运输局' } },
      admin,
    );
    expect(created.data!.createMemberUnit).toMatchObject({ code: 'TRANSPORT', version: 1 });
    const duplicate = await t.gql(CREATE_UNIT, { input: { code: 'TRANSPORT', name: '重复' } }, admin);
    expect(errorOf(duplicate)).toMatchObject({ code: 'CONFLICT', field: 'code' });
    expect(errorOf(await t.gql(CREATE_UNIT, { input: { code: '1-bad code', name: 'x' } }, admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });

    const unit = created.data!.createMemberUnit;
    const renamed = await t.gql<{ updateMemberUnit: { name: string; active: boolean; version: number } }>(
      UPDATE_UNIT,
      { input: { id: unit.id, expectedVersion: unit.version, name: '县交通运输局（综合）', active: false } },
      admin,
    );
    expect(renamed.data!.updateMemberUnit).toMatchObject({ name: '县交通运输局（综合）', active: false, version: 2 });
    const stale = await t.gql(UPDATE_UNIT, { input: { id: unit.id, expectedVersion: 1, name: '再改', active: true } }, admin);
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT' });

    // An inactive unit gets no new liaison.
    const liaison = await t.gql(
      CREATE,
      {
        input: {
          username: 'transport-liaison',
          displayName: '交通联络员',
          password: 'first-password-1',
          roles: ['UNIT_LIAISON'],
          unitId: unit.id,
        },
      },
      admin,
    );
    expect(errorOf(liaison)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId', reason: 'identity/inactive_unit' });
  });
});
