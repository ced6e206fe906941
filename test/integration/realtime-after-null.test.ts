import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const SUBSCRIPTION = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position incident { title } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

type Change = { incidentChanged: { position: string; incident: { title: string } } };

// Found by the benchmark: `after: null` (what a client sends before it has a position) replayed
// every event the server held in memory, and on a server started over existing events it failed.
describe('a subscription with after: null', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('starts from now on, like an omitted after, without replaying what came before', async () => {
    const duty = await t.login('duty');
    for (let i = 0; i < 3; i++) await t.gql(REPORT, { input: { title: `之前的事件 ${i}`, incidentClass: 'C' } }, duty);
    // "From now on" means from what this server has delivered: let its hub take in the three first.
    await t.app.hub.wake();
    const withNull = collect<Change>(wsClient(t.wsUrl, duty), SUBSCRIPTION, { after: null });
    const omitted = collect<Change>(wsClient(t.wsUrl, duty), SUBSCRIPTION, {});
    await new Promise((r) => setTimeout(r, 500));
    await t.gql(REPORT, { input: { title: '之后的事件', incidentClass: 'C' } }, duty);
    const [first] = await withNull.until(1);
    await omitted.until(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(withNull.errors).toEqual([]);
    expect(first!.data!.incidentChanged.incident.title).toBe('之后的事件');
    expect(withNull.results.map((r) => r.data!.incidentChanged.position)).toEqual(
      omitted.results.map((r) => r.data!.incidentChanged.position),
    );
    withNull.unsubscribe();
    omitted.unsubscribe();
  });
});
