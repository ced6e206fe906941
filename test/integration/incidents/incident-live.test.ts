import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';

const SUBSCRIPTION = `subscription($after: EventPosition) {
  incidentChanged(after: $after) { position kind incident { id title incidentClass status } }
}`;
const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id title reportingDeadline reportedAt } }`;

describe('incidents, live', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    cookie = await t.login('duty');
  });
  afterAll(() => t?.close());

  it('a console subscribed over the WebSocket receives an incident reported over HTTP', async () => {
    const client = wsClient(t.wsUrl, cookie);
    const live = collect(client, SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 300));
    const reported = await t.gql<{ reportIncident: { id: string } }>(
      REPORT,
      { input: { title: '高速路口物资车辆拥堵', incidentClass: 'B' } },
      cookie,
    );
    expect(reported.errors).toBeUndefined();
    const [first] = await live.until(1);
    expect(first?.data).toMatchObject({
      incidentChanged: {
        kind: 'CREATED',
        incident: { id: reported.data!.reportIncident.id, title: '高速路口物资车辆拥堵', incidentClass: 'B' },
      },
    });
    live.unsubscribe();
    await client.dispose();
  });

  it('sets the reporting deadline from the class: 6, 12 or 24 hours', async () => {
    for (const [incidentClass, hours] of [
      ['A', 6],
      ['B', 12],
      ['C', 24],
    ] as const) {
      const { data } = await t.gql<{ reportIncident: { reportedAt: string; reportingDeadline: string } }>(
        REPORT,
        { input: { title: `class ${incidentClass}`, incidentClass } },
        cookie,
      );
      const { reportedAt, reportingDeadline } = data!.reportIncident;
      expect(new Date(reportingDeadline).getTime() - new Date(reportedAt).getTime()).toBe(hours * 3_600_000);
    }
  });

  it('refuses a blank title with BAD_USER_INPUT naming the field, and saves nothing', async () => {
    const before = await t.gql<{ incidents: unknown[] }>('{ incidents(limit: 1000) { id } }', {}, cookie);
    const response = await t.gql(REPORT, { input: { title: '   ', incidentClass: 'A' } }, cookie);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const after = await t.gql<{ incidents: unknown[] }>('{ incidents(limit: 1000) { id } }', {}, cookie);
    expect(after.data!.incidents).toHaveLength(before.data!.incidents.length);
  });

  it('a console that reconnects with its last position receives what it missed, once, in order', async () => {
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, cookie);
    const titles = ['missed 1', 'missed 2', 'missed 3'];
    for (const title of titles) await t.gql(REPORT, { input: { title, incidentClass: 'C' } }, cookie);
    const client = wsClient(t.wsUrl, cookie);
    const resumed = collect<{ incidentChanged: { position: string; incident: { title: string } } }>(client, SUBSCRIPTION, {
      after: data!.livePosition,
    });
    // livePosition is what this server has delivered: an earlier test's report committed but not yet
    // delivered when it was read comes first, rightly (nothing before the position is skipped).
    const ours = (rs: typeof results) => rs.filter((r) => titles.includes(r.data!.incidentChanged.incident.title));
    let results = await resumed.until(3);
    for (let n = 4; ours(results).length < titles.length && n <= 10; n++) results = await resumed.until(n);
    expect(ours(results).map((r) => r.data!.incidentChanged.incident.title)).toEqual(titles);
    const positions = results.map((r) => BigInt(r.data!.incidentChanged.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    resumed.unsubscribe();
    await client.dispose();
  });
});
