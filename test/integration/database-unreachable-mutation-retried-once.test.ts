import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../server/src/core/database/embedded-postgres';
import { startAppOnOwnPostgres, type AppOnOwnPostgres } from '../support/own-postgres';
import type { TestApp } from '../support/test-app';

const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

/**
 * The failure drill for a console's write while PostgreSQL cannot be reached: the answer is a
 * clear, retryable UNAVAILABLE (not a stack, not a hang), and the console's retry with the same
 * idempotency key, once the database is back, acts once however often it is sent.
 * This test owns its PostgreSQL (embedded), so it can stop and start it.
 */
describe('a mutation sent while PostgreSQL is unreachable, then retried with its idempotency key', () => {
  let own: AppOnOwnPostgres | undefined;
  let database: EmbeddedDatabase;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    own = await startAppOnOwnPostgres('unreachable');
    ({ database, t } = own);
    cookie = await t.login('duty');
  }, 120_000);
  afterAll(() => own?.close());

  it('answers UNAVAILABLE with a message a person can act on, and the retries act once', async () => {
    const key = randomUUID();
    const input = { title: `断库重试 ${key.slice(0, 8)}`, incidentClass: 'C' };
    await database.stop();
    const refused = await t.gql(REPORT, { input }, cookie, { 'idempotency-key': key });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(refused.errors?.[0]?.message).toMatch(/try again/i);
    expect(refused.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|stack|insert /i);

    await database.start();
    const deadline = Date.now() + 30_000;
    while ((await fetch(`${t.url}/readyz`)).status !== 200) {
      if (Date.now() > deadline) throw new Error('the server did not recover within 30 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    const retries = [];
    for (let i = 0; i < 3; i++)
      retries.push(await t.gql<{ reportIncident: { id: string } }>(REPORT, { input }, cookie, { 'idempotency-key': key }));
    for (const retry of retries) expect(retry.errors).toBeUndefined();
    const ids = new Set(retries.map((r) => r.data!.reportIncident.id));
    expect(ids.size).toBe(1);
    const rows = await t.app.orm.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from incident where title = ?', [input.title]);
    expect(rows[0]!.n).toBe(1);
  }, 120_000);
});
