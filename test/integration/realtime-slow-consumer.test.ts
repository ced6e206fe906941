import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const SUBSCRIPTION = 'subscription { incidentChanged { position incident { description } } }';
const RESUMING = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position incident { description } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

describe('a console that stops reading its socket', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    // A long keep-alive: the paused client cannot answer pings, and the buffer limit is what is tested.
    t = await startTestApp({ env: { WS_MAX_BUFFERED_BYTES: '65536', SUBSCRIPTION_MAX_QUEUED: '20', WS_KEEPALIVE_SECONDS: '300' } });
    cookie = await t.login('duty');
  });
  afterAll(() => t?.close());

  it('is cut off with a reconnect-friendly reason while other consoles keep receiving', async () => {
    const stalled = new WebSocket(t.wsUrl, 'graphql-transport-ws', { headers: { cookie } });
    await new Promise((resolve) => stalled.once('open', resolve));
    stalled.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => stalled.once('message', resolve));
    stalled.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION } }));
    await new Promise((r) => setTimeout(r, 200));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      stalled.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
    // Stop reading: the kernel buffers fill, then the server's.
    (stalled as unknown as { _socket: { pause(): void } })._socket.pause();

    // Resuming from the live position, as the console does: events committed while its socket
    // is still opening are replayed, so the count below cannot race the subscription.
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, cookie);
    const healthy = collect(wsClient(t.wsUrl, cookie), RESUMING, { after: data!.livePosition });
    const description = 'x'.repeat(9_000);
    let sent = 0;
    const deadline = Date.now() + 60_000;
    // The paused client cannot read the close frame, so watch for the server starting to close it.
    const serverClosing = () => [...t.app.ws.wss.clients].some((socket) => socket.readyState === socket.CLOSING);
    while (!serverClosing() && Date.now() < deadline && sent < 2_000) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.gql(REPORT, { input: { title: `bulk ${sent + i}`, incidentClass: 'C', description } }, cookie),
        ),
      );
      sent += 20;
    }
    expect(serverClosing()).toBe(true);
    // Reading again, the client drains what was buffered and then meets the close frame.
    (stalled as unknown as { _socket: { resume(): void } })._socket.resume();
    const result = await Promise.race([closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 20_000))]);
    expect(result?.code).toBe(1013);
    expect(result?.reason).toMatch(/slow consumer/i);
    await healthy.until(sent, 30_000);
    expect(healthy.results).toHaveLength(sent);
  }, 120_000);
});
