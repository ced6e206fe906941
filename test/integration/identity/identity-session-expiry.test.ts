import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { wsClient } from '../../support/ws-client';

/** Sessions last SESSION_TTL_SECONDS here (hours in real use) so that expiry can be watched. */
const TTL_SECONDS = 3;

describe('session expiry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SESSION_TTL_SECONDS: String(TTL_SECONDS) } });
  });
  afterAll(() => t?.close());

  it('closes the socket of an expired session with 4401, and the cookie no longer signs in over HTTP', async () => {
    const cookie = await t.login('leader');
    const signedInAt = Date.now();
    const client = wsClient(t.wsUrl, cookie);
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    const errors: unknown[] = [];
    client.subscribe(
      { query: 'subscription { incidentChanged { kind } }' },
      { next: () => undefined, error: (e) => void errors.push(e), complete: () => undefined },
    );

    expect((await t.gql('{ me { username } }', {}, cookie)).data).toEqual({ me: { username: 'leader' } });
    expect(await closed).toBe(4401);
    expect(Date.now() - signedInAt).toBeGreaterThanOrEqual(TTL_SECONDS * 1_000 - 500);
    expect((await t.gql('{ me { username } }', {}, cookie)).data).toEqual({ me: null });
    expect((await t.gql('{ incidents { id } }', {}, cookie)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await client.dispose();
  }, 30_000);

  it('refuses a new socket for an expired session at connection_init', async () => {
    const cookie = await t.login('duty');
    await new Promise((r) => setTimeout(r, TTL_SECONDS * 1_000 + 200));
    const client = wsClient(t.wsUrl, cookie);
    const closed = new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
    client.subscribe(
      { query: 'subscription { incidentChanged { kind } }' },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    expect(await closed).toBe(4401);
    await client.dispose();
  }, 30_000);
});
