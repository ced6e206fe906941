import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { username } }';

/** Signs in from a given address (the server trusts X-Forwarded-For from its loopback proxy). */
function attempt(t: TestApp, username: string, password: string, address = '203.0.113.1'): Promise<GraphQLResponse> {
  return t.gql(LOGIN, { u: username, p: password }, undefined, { 'x-forwarded-for': address });
}

const codeOf = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code ?? 'OK';

describe('sign-in rate limiting', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(() => t?.close());

  it('locks an account for 15 minutes after 5 failures, even for the right password, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) expect(codeOf(await attempt(t, 'coordinator', `wrong-${i}`))).toBe('UNAUTHENTICATED');
    const locked = await attempt(t, 'coordinator', 'demo-password');
    expect(locked.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Too many failed sign-in attempts\. Wait 15 minutes and try again/),
      extensions: { code: 'RATE_LIMITED', reason: 'auth/too_many_attempts', retryAfterSeconds: 900, retryAt: '2026-03-02T08:15:00.000Z' },
    });
    // From another address too: the count belongs to the account.
    expect(codeOf(await attempt(t, 'coordinator', 'demo-password', '198.51.100.7'))).toBe('RATE_LIMITED');
    // Other accounts are not affected.
    expect(codeOf(await attempt(t, 'dispatcher', 'demo-password'))).toBe('OK');

    clock.advance(10 * 60_000);
    expect((await attempt(t, 'coordinator', 'demo-password')).errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 300,
    });
    clock.advance(5 * 60_000);
    expect(codeOf(await attempt(t, 'coordinator', 'demo-password'))).toBe('OK');
  });

  it('a successful sign-in clears the account’s failures', async () => {
    for (let i = 0; i < 4; i++) await attempt(t, 'logistics', `wrong-${i}`, '192.0.2.44');
    expect(codeOf(await attempt(t, 'logistics', 'demo-password', '192.0.2.44'))).toBe('OK');
    for (let i = 0; i < 4; i++) expect(codeOf(await attempt(t, 'logistics', `again-${i}`, '192.0.2.44'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await attempt(t, 'logistics', 'demo-password', '192.0.2.44'))).toBe('OK');
  });

  it('answers a made-up name like a real one: it is counted and locked the same way', async () => {
    for (let i = 0; i < 5; i++) expect(codeOf(await attempt(t, 'no-such-person', `guess-${i}`, '192.0.2.55'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await attempt(t, 'no-such-person', 'guess', '192.0.2.55'))).toBe('RATE_LIMITED');
  });

  it('limits one address to 20 failures across any names, then refuses even a right password from it', async () => {
    const address = '203.0.113.99';
    for (let i = 0; i < 20; i++) expect(codeOf(await attempt(t, `spray-${i % 10}`, 'password123', address))).toBe('UNAUTHENTICATED');
    expect(codeOf(await attempt(t, 'duty', 'demo-password', address))).toBe('RATE_LIMITED');
    expect(codeOf(await attempt(t, 'duty', 'demo-password', '203.0.113.100'))).toBe('OK');
    clock.advance(15 * 60_000);
    expect(codeOf(await attempt(t, 'duty', 'demo-password', address))).toBe('OK');
  });

  it('shares the counts between replicas: failures on one server lock the account on another', async () => {
    const replica = await startTestApp({ clock, databaseUrl: t.databaseUrl });
    try {
      for (let i = 0; i < 3; i++) expect(codeOf(await attempt(t, 'leader', `wrong-${i}`, '192.0.2.77'))).toBe('UNAUTHENTICATED');
      for (let i = 0; i < 2; i++) expect(codeOf(await attempt(replica, 'leader', `wrong-${i}`, '192.0.2.78'))).toBe('UNAUTHENTICATED');
      expect(codeOf(await attempt(replica, 'leader', 'demo-password', '192.0.2.79'))).toBe('RATE_LIMITED');
      expect(codeOf(await attempt(t, 'leader', 'demo-password', '192.0.2.80'))).toBe('RATE_LIMITED');
    } finally {
      await replica.close();
    }
  });

  it('counts a wrong current password in changePassword as a failed sign-in', async () => {
    const cookie = (await t.login('admin')) as string;
    const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    for (let i = 0; i < 5; i++) {
      const r = await t.gql(change, { c: `wrong-${i}`, n: 'a-new-password-123' }, cookie, { 'x-forwarded-for': '192.0.2.90' });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const r = await t.gql(change, { c: 'demo-password', n: 'a-new-password-123' }, cookie, { 'x-forwarded-for': '192.0.2.90' });
    expect(r.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(codeOf(await attempt(t, 'admin', 'demo-password', '192.0.2.91'))).toBe('RATE_LIMITED');
  });
});
