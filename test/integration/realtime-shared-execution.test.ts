import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const SUBSCRIPTION = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position incident { id title } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

describe('subscription execution', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('runs once per event for consoles with the same selection and rights, not once per socket', async () => {
    const duty = await t.login('duty');
    const leader = await t.login('leader');
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, duty);
    const baselineListeners = t.app.hub.listenerCount; // the server's own (e.g. session revocations)
    // 20 consoles: two scopes (duty officer, leader), different resume positions, one document.
    const consoles = Array.from({ length: 20 }, (_, i) =>
      collect(wsClient(t.wsUrl, i % 2 ? leader : duty), SUBSCRIPTION, i < 10 ? { after: data!.livePosition } : {}),
    );
    await new Promise((r) => setTimeout(r, 500));
    const before = { ...t.app.shared.stats };
    expect(t.app.shared.activeGroups).toBe(2);
    for (let i = 0; i < 5; i++) await t.gql(REPORT, { input: { title: `共享执行 ${i}`, incidentClass: 'C' } }, duty);
    await Promise.all(consoles.map((c) => c.until(5)));
    const executions = t.app.shared.stats.executions - before.executions;
    expect(executions).toBe(10); // 5 events × 2 scopes, instead of 5 × 20
    // Every console got the same five, in order.
    const titles = consoles.map((c) =>
      c.results.map((r) => (r.data as { incidentChanged: { incident: { title: string } } }).incidentChanged.incident.title).join('|'),
    );
    expect(new Set(titles).size).toBe(1);
    consoles.forEach((c) => c.unsubscribe());
    await new Promise((r) => setTimeout(r, 300));
    expect(t.app.shared.activeGroups).toBe(0);
    expect(t.app.hub.listenerCount).toBe(baselineListeners); // no iterator leaked
  });
});
