import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { wsClient } from '../../support/ws-client';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { userId username roles } }';
const ME = '{ me { userId username roles } }';

/** A console's live socket: subscribed, so it stays open until the server closes it. */
function liveSocket(t: TestApp, cookie: string) {
  const client = wsClient(t.wsUrl, cookie);
  let connected = false;
  client.on('connected', () => void (connected = true));
  const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
  let events = 0;
  client.subscribe(
    { query: 'subscription { incidentChanged { kind } }' },
    { next: () => void events++, error: () => undefined, complete: () => undefined },
  );
  return {
    client,
    closed,
    /** Resolves once the socket has delivered `count` incident events. */
    async received(count: number) {
      const deadline = Date.now() + 10_000;
      while (events < count) {
        if (Date.now() > deadline) throw new Error(`the socket delivered ${events} of ${count} events`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async open() {
      const deadline = Date.now() + 10_000;
      while (!connected) {
        if (Date.now() > deadline) throw new Error('the socket did not connect');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

async function postLogin(t: TestApp, username: string, password: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
  });
  return {
    response,
    body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] },
  };
}

describe('signing in and out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('sets the session in an httpOnly, SameSite=Strict cookie that the API then recognises', async () => {
    const { response, body } = await postLogin(t, 'duty', 'demo-password');
    expect(body.errors).toBeUndefined();
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^cc_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Expires=/);
    const me = await t.gql(ME, {}, setCookie.split(';')[0]);
    expect(me.data).toEqual({ me: { userId: expect.any(String), username: 'duty', roles: ['DUTY_OFFICER'] } });
  });

  it('accepts the user name in any case', async () => {
    const { body } = await postLogin(t, '  Duty ', 'demo-password');
    expect(body.errors).toBeUndefined();
  });

  it('answers a wrong password and an unknown name alike, without saying which', async () => {
    const wrongPassword = await postLogin(t, 'leader', 'not-the-password');
    const unknownName = await postLogin(t, 'nobody-here', 'demo-password');
    for (const { response, body } of [wrongPassword, unknownName]) {
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({
        message: 'The user name or password is not right.',
        extensions: { code: 'UNAUTHENTICATED', reason: 'auth/bad_credentials' },
      });
    }
    expect(JSON.stringify(wrongPassword.body.errors)).toBe(JSON.stringify(unknownName.body.errors));
  });

  it('never echoes the password into the answer or the audit trail', async () => {
    const secret = 'very-secret-password-123';
    const { body } = await postLogin(t, 'leader', secret);
    expect(JSON.stringify(body)).not.toContain(secret);
    const rows = await t.app.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from audit_record where before::text like ? or after::text like ?`, [
        `%${secret}%`,
        `%${secret}%`,
      ]);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('refuses a cross-site form post: a text/plain POST is blocked by CSRF prevention', async () => {
    const cookie = await t.login('admin');
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/i);
    expect((await t.gql(ME, {}, cookie)).data).toMatchObject({ me: { username: 'admin' } });
  });

  it('refuses a mutation sent with GET', async () => {
    const cookie = await t.login('admin');
    const response = await fetch(`${t.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { cookie, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
    expect((await t.gql(ME, {}, cookie)).data).toMatchObject({ me: { username: 'admin' } });
  });

  it('signing out clears the cookie, ends the session and closes its sockets with 4401', async () => {
    const cookie = await t.login('coordinator');
    const other = await t.login('coordinator');
    const socket = liveSocket(t, cookie);
    await socket.open();
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(await response.json()).toEqual({ data: { logout: true } });
    expect(response.headers.get('set-cookie')).toMatch(/cc_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await socket.closed).toBe(4401);
    expect((await t.gql(ME, {}, cookie)).data).toEqual({ me: null });
    expect((await t.gql('{ incidents { id } }', {}, cookie)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Another browser of the same person stays signed in.
    expect((await t.gql(ME, {}, other)).data).toMatchObject({ me: { username: 'coordinator' } });
    await socket.client.dispose();
  });

  it('refuses a socket without a session at connection_init with 4401', async () => {
    const socket = liveSocket(t, 'cc_session=not-a-real-token');
    expect(await socket.closed).toBe(4401);
    await socket.client.dispose();
  });
});

describe('changing one’s password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';

  it('ends every other session of the person and closes their sockets (4401); this session stays', async () => {
    const here = await t.login('logistics');
    const elsewhere = await t.login('logistics');
    const elsewhereSocket = liveSocket(t, elsewhere);
    const hereSocket = liveSocket(t, here);
    await Promise.all([elsewhereSocket.open(), hereSocket.open()]);

    const changed = await t.gql(CHANGE, { c: 'demo-password', n: 'a-much-better-password' }, here);
    expect(changed).toEqual({ data: { changePassword: true } });

    expect(await elsewhereSocket.closed).toBe(4401);
    expect((await t.gql(ME, {}, elsewhere)).data).toEqual({ me: null });
    expect((await t.gql(ME, {}, here)).data).toMatchObject({ me: { username: 'logistics' } });
    // The socket of the session that made the change is still live: it receives the next incident.
    const reported = await t.gql(
      'mutation { reportIncident(input: { title: "换密码后仍在线", incidentClass: C }) { id } }',
      {},
      await t.login('duty'),
    );
    expect(reported.errors).toBeUndefined();
    await hereSocket.received(1);

    expect((await postLogin(t, 'logistics', 'demo-password')).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await postLogin(t, 'logistics', 'a-much-better-password')).body.errors).toBeUndefined();
    await Promise.all([elsewhereSocket.client.dispose(), hereSocket.client.dispose()]);
  });

  it('needs the right current password, and a new one of at least 12 characters that differs', async () => {
    const cookie = await t.login('dispatcher');
    const wrong = await t.gql(CHANGE, { c: 'not-it-at-all', n: 'another-long-password' }, cookie);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const short = await t.gql(CHANGE, { c: 'demo-password', n: 'short' }, cookie);
    expect(short.errors?.[0]).toMatchObject({
      message: 'A password needs at least 12 characters.',
      extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' },
    });
    const same = await t.gql(CHANGE, { c: 'demo-password', n: 'demo-password' }, cookie);
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'password/unchanged' });
    expect((await postLogin(t, 'dispatcher', 'demo-password')).body.errors).toBeUndefined();
  });
});
