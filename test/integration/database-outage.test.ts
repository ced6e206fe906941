import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../server/src/core/database/embedded-postgres';
import { startAppOnOwnPostgres, type AppOnOwnPostgres } from '../support/own-postgres';
import type { TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

/** This test owns its PostgreSQL (embedded), so it can stop and restart it under a running server. */
describe('PostgreSQL stopped and restarted under a running server', () => {
  let own: AppOnOwnPostgres | undefined;
  let database: EmbeddedDatabase;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    own = await startAppOnOwnPostgres('outage');
    ({ database, t } = own);
    cookie = await t.login('duty');
  }, 120_000);
  afterAll(() => own?.close());

  it('answers UNAVAILABLE within 5 s while it is down, reports not ready, and recovers by itself', async () => {
    const live = collect<{ incidentChanged: { incident: { title: string } } }>(
      wsClient(t.wsUrl, cookie),
      'subscription { incidentChanged { incident { title } } }',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect((await t.gql(REPORT, { input: { title: 'before', incidentClass: 'C' } }, cookie)).errors).toBeUndefined();

    await database.stop();
    const codes = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      const mutation = await t.gql(REPORT, { input: { title: `during ${i}`, incidentClass: 'C' } }, cookie);
      const query = await t.gql('{ incidents { id } }', {}, cookie);
      expect(Date.now() - started).toBeLessThan(10_000); // two requests, each bounded by the 5 s connect timeout
      for (const response of [mutation, query]) {
        const code = response.errors?.[0]?.extensions?.code;
        codes.add(String(code));
        expect(response.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|stack|select |insert /i);
      }
      const ready = await fetch(`${t.url}/readyz`);
      expect(ready.status).toBe(503);
    }
    expect([...codes]).toEqual(['UNAVAILABLE']);

    await database.start();
    const deadline = Date.now() + 30_000;
    while ((await fetch(`${t.url}/readyz`)).status !== 200) {
      if (Date.now() > deadline) throw new Error('the server did not recover within 30 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    const after = await t.gql(REPORT, { input: { title: 'after', incidentClass: 'C' } }, cookie);
    expect(after.errors).toBeUndefined();
    // The console that stayed connected sees the change committed after the outage (the event hub reconnected).
    await live.until(2, 15_000);
    expect(live.results.map((r) => r.data!.incidentChanged.incident.title)).toEqual(['before', 'after']);
  }, 120_000);
});
