import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const SUBSCRIPTION = 'subscription { incidentChanged { position incident { title } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

describe('two server replicas on one database', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp({ databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('deliver a mutation committed on one to subscribers on the other, and on itself', async () => {
    const cookie = await first.login('leader');
    const onSecond = collect<{ incidentChanged: { incident: { title: string } } }>(wsClient(second.wsUrl, cookie), SUBSCRIPTION);
    const onFirst = collect<{ incidentChanged: { incident: { title: string } } }>(wsClient(first.wsUrl, cookie), SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 300));
    const response = await first.gql(REPORT, { input: { title: '跨副本推送', incidentClass: 'A' } }, cookie);
    expect(response.errors).toBeUndefined();
    const [viaSecond] = await onSecond.until(1);
    const [viaFirst] = await onFirst.until(1);
    expect(viaSecond!.data!.incidentChanged.incident.title).toBe('跨副本推送');
    expect(viaFirst!.data!.incidentChanged.incident.title).toBe('跨副本推送');
  });

  it('recover an event whose notification was lost, through the polling path', async () => {
    const cookie = await first.login('leader');
    const onSecond = collect<{ incidentChanged: { incident: { title: string } } }>(wsClient(second.wsUrl, cookie), SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 300));
    // Commit an event with no NOTIFY at all: only the replica's poll can find it.
    const em = first.app.orm.em.fork();
    await em.execute(`insert into event (topic, entity_type, entity_id, kind, payload)
      select 'incident', 'Incident', id::text, 'UPDATED', '{}' from incident order by created_at limit 1`);
    const [delivered] = await onSecond.until(1, 5_000);
    expect(delivered!.data!.incidentChanged.incident.title).toBeTruthy();
  });
});
