import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, eventsAbout, reportIncident, waitFor } from './alert-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Two servers on one database, both evaluating every rule on every event and every tick:
 * each alert change must still happen exactly once, and every subscriber on either server
 * must see it once.
 */
describe('alert evaluation with two replicas', () => {
  let a: TestApp;
  let b: TestApp;
  const start = new Date();
  const clockA = new ManualClock(start);
  const clockB = new ManualClock(start);
  let dutyA: string;
  let dutyB: string;
  let leader: string;

  beforeAll(async () => {
    a = await startTestApp({ clock: clockA });
    b = await startTestApp({ clock: clockB, databaseUrl: a.databaseUrl });
    [dutyA, dutyB, leader] = await Promise.all([a.login('duty'), b.login('duty'), a.login('leader')]);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const both = <T>(work: (t: TestApp) => Promise<T>) => Promise.all([work(a), work(b)]);

  it('raises one alert for one condition, however many evaluations both replicas run at once', async () => {
    const incident = await reportIncident(a, dutyA, {
      title: '双副本：甲类事件超时',
      incidentClass: 'A',
      reportedAt: new Date(start.getTime() - 7 * HOUR),
    });
    // Both replicas got the incident event and evaluate on it; add ticks and direct evaluations, all concurrent.
    for (let round = 0; round < 5; round++) {
      await both((t) =>
        Promise.all([
          t.app.modules.alerts.engine.tick(),
          t.app.modules.alerts.engine.evaluate('incident-past-deadline'),
          t.app.modules.alerts.engine.evaluate('incident-past-deadline'),
        ]),
      );
    }
    await both((t) => t.app.modules.alerts.engine.idle());
    const alerts = await alertsAbout(a, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ status: 'RAISED', count: 1 });
    const rows = await a.app.orm.em
      .fork()
      .execute<{ n: number }[]>(`select count(*)::int as n from alert where source_id = ?`, [incident.id]);
    expect(rows[0]!.n).toBe(2); // the past-deadline alert and the not-acknowledged one, once each
    expect((await eventsAbout(a, alerts[0]!.id)).map((e) => e.kind)).toEqual(['CREATED']);
  });

  it('folds a recurrence once, not once per replica (count as expected)', async () => {
    const incident = await reportIncident(b, dutyB, {
      title: '双副本：折叠计数',
      incidentClass: 'A',
      reportedAt: new Date(start.getTime() - 6 * HOUR - 5 * MINUTE),
    });
    const alert = await waitFor(
      async () => (await alertsAbout(a, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0],
      'the alert',
    );
    expect(alert.count).toBe(1);
    // One repeat period (60 min) later, on both clocks: the condition fires again once.
    clockA.advance(HOUR);
    clockB.advance(HOUR);
    for (let round = 0; round < 4; round++)
      await both((t) => Promise.all([t.app.modules.alerts.engine.tick(), t.app.modules.alerts.engine.tick()]));
    const [folded] = await alertsAbout(a, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
    expect(folded).toMatchObject({ id: alert.id, count: 2 });
    expect((await eventsAbout(a, alert.id)).map((e) => `${e.kind}:${e.payload.count}`)).toEqual(['CREATED:1', 'UPDATED:2']);
  });

  it('raises exactly one alert each for many incidents reported at once through both replicas', async () => {
    const reportedAt = new Date(clockA.now().getTime() - 7 * HOUR);
    const incidents = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        reportIncident(i % 2 ? a : b, i % 2 ? dutyA : dutyB, { title: `双副本批量 ${i}`, incidentClass: 'A', reportedAt }),
      ),
    );
    await both((t) => t.app.modules.alerts.engine.tick());
    await both((t) => t.app.modules.alerts.engine.idle());
    const ids = incidents.map((i) => i.id);
    const rows = await a.app.orm.em.fork().execute<{ source_id: string; n: number; created: number }[]>(
      `select a.source_id, count(*)::int as n,
           (select count(*)::int from event e where e.topic = 'alert' and e.kind = 'CREATED' and e.entity_id = min(a.id::text)) as created
         from alert a where a.rule_id = 'incident-past-deadline' and a.source_id = any(string_to_array(?, ','))
         group by a.source_id`,
      [ids.join(',')],
    );
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.n === 1 && r.created === 1)).toBe(true);
  });

  it('resolves once when the condition clears, whichever replica sees it first', async () => {
    const incident = await reportIncident(a, dutyA, {
      title: '双副本：解除',
      incidentClass: 'A',
      reportedAt: new Date(clockA.now().getTime() - 7 * HOUR),
    });
    const alert = await waitFor(
      async () => (await alertsAbout(a, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0],
      'the alert',
    );
    const resolved = await b.gql(
      `mutation($input: IncidentActionInput!) { resolveIncident(input: $input) { id } }`,
      { input: { id: incident.id } },
      dutyB,
    );
    expect(resolved.errors).toBeUndefined();
    await both((t) => Promise.all([t.app.modules.alerts.engine.tick(), t.app.modules.alerts.engine.tick()]));
    await both((t) => t.app.modules.alerts.engine.idle());
    const [after] = await alertsAbout(b, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
    expect(after).toMatchObject({ id: alert.id, status: 'RESOLVED', resolution: 'CONDITION_CLEARED' });
    expect((await eventsAbout(a, alert.id)).map((e) => e.kind)).toEqual(['CREATED', 'UPDATED']);
  });
});
