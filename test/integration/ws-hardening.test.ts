import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WS_LIMITS } from '../../server/src/core/realtime/ws-server';
import { HandshakeRefused, RawSocket } from '../support/raw-ws';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The WebSocket door held to graphql-transport-ws and to the console's own limits (issue 14),
 * spoken by hand over real sockets so every close code and handshake status is what a client
 * (or a conformance check) would see.
 */

const LIVE = 'subscription { incidentChanged { position } }';
const CONSOLE = 'https://console.example.org';

async function refusedStatus(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    const socket = (await promise) as RawSocket;
    socket.close();
    return undefined;
  } catch (error) {
    if (error instanceof HandshakeRefused) return error.status;
    throw error;
  }
}

describe('the WebSocket handshake and the graphql-transport-ws protocol', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { CONSOLE_ORIGINS: `${CONSOLE},http://localhost:5173`, WS_MAX_SOCKETS_PER_USER: '3' } });
    cookie = await t.login('duty');
  });
  afterAll(() => t?.close());

  it('accepts the configured console origins and refuses any other Origin with 403 at the handshake', async () => {
    expect(await refusedStatus(RawSocket.open(t.wsUrl, { cookie, origin: CONSOLE }))).toBeUndefined();
    expect(await refusedStatus(RawSocket.open(t.wsUrl, { cookie, origin: 'https://evil.example.com' }))).toBe(403);
    expect(await refusedStatus(RawSocket.open(t.wsUrl, { cookie, origin: 'null' }))).toBe(403);
    // A cross-site page cannot borrow the console's host name with another scheme or port.
    expect(await refusedStatus(RawSocket.open(t.wsUrl, { cookie, origin: `${CONSOLE}:8443` }))).toBe(403);
    expect(await refusedStatus(RawSocket.open(t.wsUrl.replace('/graphql', '/elsewhere'), { cookie }))).toBe(404);
  });

  it('closes with 4406 a socket that does not speak graphql-transport-ws, and never selects another subprotocol', async () => {
    const none = await RawSocket.open(t.wsUrl, { cookie, protocol: null });
    expect(await none.closed).toMatchObject({ code: 4406 });
    // The legacy subscriptions-transport-ws protocol is not selected: the client sees no subprotocol and gives up.
    await expect(RawSocket.open(t.wsUrl, { cookie, protocol: 'graphql-ws' })).rejects.toThrow(/no subprotocol/i);
  });

  it(`closes with 4408 a socket that sends no connection_init within ${DEFAULT_WS_LIMITS.connectionInitWaitMs} ms`, async () => {
    const started = Date.now();
    const silent = await RawSocket.open(t.wsUrl, { cookie });
    const closed = await silent.closed;
    expect(closed.code).toBe(4408);
    // Generous bounds: the timer is the server's, the machine may be busy.
    expect(Date.now() - started).toBeGreaterThanOrEqual(DEFAULT_WS_LIMITS.connectionInitWaitMs - 500);
    expect(Date.now() - started).toBeLessThan(DEFAULT_WS_LIMITS.connectionInitWaitMs + 10_000);
  });

  it('closes with 4401 a socket without a session, with an unknown session, or subscribing before the ack', async () => {
    for (const who of [undefined, 'cc_session=forged-token-0000000000000000']) {
      const socket = await RawSocket.open(t.wsUrl, who ? { cookie: who } : {});
      socket.send({ type: 'connection_init' });
      expect((await socket.closed).code, String(who)).toBe(4401);
    }
    const early = await RawSocket.open(t.wsUrl, { cookie });
    early.send({ id: '1', type: 'subscribe', payload: { query: LIVE } });
    expect((await early.closed).code).toBe(4401);
  });

  it('answers ping with pong (echoing the payload) before and after connection_init', async () => {
    const socket = await RawSocket.open(t.wsUrl, { cookie });
    socket.send({ type: 'ping', payload: { at: 'before' } });
    expect(await socket.waitFor((m) => m.type === 'pong')).toEqual({ type: 'pong', payload: { at: 'before' } });
    socket.send({ type: 'connection_init' });
    await socket.waitFor((m) => m.type === 'connection_ack');
    const from = socket.messages.length;
    socket.send({ type: 'ping' });
    expect(await socket.waitFor((m) => m.type === 'pong', 5_000, from)).toEqual({ type: 'pong' });
    socket.close();
  });

  it('closes with 4429 a second connection_init, 4409 a duplicate subscription id, 4400 a malformed message', async () => {
    const twice = await RawSocket.connect(t.wsUrl, cookie);
    twice.send({ type: 'connection_init' });
    expect((await twice.closed).code).toBe(4429);

    const duplicate = await RawSocket.connect(t.wsUrl, cookie);
    duplicate.send({ id: 'same', type: 'subscribe', payload: { query: LIVE } });
    duplicate.send({ id: 'same', type: 'subscribe', payload: { query: LIVE } });
    expect((await duplicate.closed).code).toBe(4409);

    for (const bad of [
      'not json',
      '{"type":"subscribe"}',
      '{"type":"no-such-type"}',
      '{"id":"1","type":"subscribe","payload":{"query":42}}',
      '[]',
    ]) {
      const socket = await RawSocket.connect(t.wsUrl, cookie);
      socket.send(bad);
      expect((await socket.closed).code, bad).toBe(4400);
    }
  });

  it(`closes with 1009 a socket that sends a message over ${DEFAULT_WS_LIMITS.maxMessageBytes / 1024} KiB`, async () => {
    const socket = await RawSocket.connect(t.wsUrl, cookie);
    const huge = {
      id: 'big',
      type: 'subscribe',
      payload: { query: '{ me { userId } }', variables: { padding: 'x'.repeat(DEFAULT_WS_LIMITS.maxMessageBytes) } },
    };
    socket.send(huge);
    expect((await socket.closed).code).toBe(1009);
    // Just under the limit is answered.
    const fine = await RawSocket.connect(t.wsUrl, cookie);
    const answer = await fine.execute(`{ me { userId } }\n# ${'x'.repeat(DEFAULT_WS_LIMITS.maxMessageBytes - 500)}`);
    expect(answer).toMatchObject({ data: { me: { userId: expect.any(String) } } });
    fine.close();
  });

  it(`refuses the subscription past ${DEFAULT_WS_LIMITS.maxSubscriptionsPerSocket} on one socket with RATE_LIMITED, and accepts one again once another ends`, async () => {
    const socket = await RawSocket.connect(t.wsUrl, cookie);
    const cap = DEFAULT_WS_LIMITS.maxSubscriptionsPerSocket;
    for (let i = 0; i < cap; i++) socket.send({ id: `s${i}`, type: 'subscribe', payload: { query: LIVE } });
    // Every one of them is live: a change reaches all of them.
    const from = socket.messages.length;
    await new Promise((r) => setTimeout(r, 500));
    socket.send({ id: 'one-too-many', type: 'subscribe', payload: { query: LIVE } });
    const refused = await socket.waitFor((m) => m.id === 'one-too-many');
    expect(refused).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect(socket.isOpen).toBe(true);
    await t.gql(
      'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
      { input: { title: '订阅上限测试', incidentClass: 'C' } },
      cookie,
    );
    await socket.waitFor(
      () =>
        new Set(
          socket.messages
            .slice(from)
            .filter((m) => m.type === 'next')
            .map((m) => m.id),
        ).size === cap,
      20_000,
    );

    socket.send({ id: 's0', type: 'complete' });
    await new Promise((r) => setTimeout(r, 300));
    socket.send({ id: 'after-one-ended', type: 'subscribe', payload: { query: '{ me { userId } }' } });
    expect(await socket.waitFor((m) => m.id === 'after-one-ended')).toMatchObject({ type: 'next' });
    socket.close();
  });

  it('refuses a user’s socket past WS_MAX_SOCKETS_PER_USER with 4429, and accepts one again once another closes', async () => {
    const own = await t.login('coordinator');
    const open = [await RawSocket.connect(t.wsUrl, own), await RawSocket.connect(t.wsUrl, own), await RawSocket.connect(t.wsUrl, own)];
    const fourth = await RawSocket.open(t.wsUrl, { cookie: own });
    fourth.send({ type: 'connection_init' });
    expect(await fourth.closed).toMatchObject({ code: 4429 });
    // The cap is per user, not per session: another sign-in of the same person counts too.
    const sameUser = await RawSocket.open(t.wsUrl, { cookie: await t.login('coordinator') });
    sameUser.send({ type: 'connection_init' });
    expect((await sameUser.closed).code).toBe(4429);
    // Someone else is not affected.
    const other = await RawSocket.connect(t.wsUrl, await t.login('leader'));
    other.close();

    open[0]!.close();
    await open[0]!.closed;
    const deadline = Date.now() + 10_000;
    let again: RawSocket | undefined;
    while (!again) {
      try {
        again = await RawSocket.connect(t.wsUrl, own);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    again.close();
    for (const s of open) s.close();
  });

  it('is closed with 4401 at once when its user signs out (a session ending), or an administrator deactivates the user', async () => {
    const cookie = await t.login('dispatcher');
    const socket = await RawSocket.connect(t.wsUrl, cookie);
    const signedOut = await t.gql('mutation { logout }', {}, cookie);
    expect(signedOut.errors).toBeUndefined();
    expect(await socket.closedOrNothing(10_000)).toMatchObject({ code: 4401 });

    const admin = await t.login('admin');
    const users = await t.gql<{ users: { id: string; username: string }[] }>('{ users { id username } }', {}, admin);
    const liaison = users.data!.users.find((u) => u.username === 'liaison')!;
    const theirs = await RawSocket.connect(t.wsUrl, await t.login('liaison'));
    const deactivated = await t.gql('mutation($id: ID!) { setUserActive(id: $id, active: false) { id } }', { id: liaison.id }, admin);
    expect(deactivated.errors).toBeUndefined();
    expect(await theirs.closedOrNothing(10_000)).toMatchObject({ code: 4401 });
  });
});

describe('a socket whose session expires', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SESSION_TTL_SECONDS: '4' } });
  });
  afterAll(() => t?.close());

  it('without CONSOLE_ORIGINS, accepts only its own origin (and non-browser clients, which send none)', async () => {
    const cookie = await t.login('leader');
    expect(await refusedStatus(RawSocket.open(t.wsUrl, { cookie, origin: t.url }))).toBeUndefined();
    expect(await refusedStatus(RawSocket.open(t.wsUrl, { cookie }))).toBeUndefined();
    expect(await refusedStatus(RawSocket.open(t.wsUrl, { cookie, origin: 'http://evil.example' }))).toBe(403);
    expect(await refusedStatus(RawSocket.open(t.wsUrl, { cookie, origin: 'not a url' }))).toBe(403);
  });

  it('is closed with 4401 when the session expires', async () => {
    const socket = await RawSocket.connect(t.wsUrl, await t.login('duty'));
    const started = Date.now();
    expect((await socket.closed).code).toBe(4401);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
