import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../server/src/core/database/embedded-postgres';
import { startAppOnOwnPostgres, type AppOnOwnPostgres } from '../support/own-postgres';
import { ResumingSubscriber } from '../support/resuming-subscriber';
import type { TestApp } from '../support/test-app';

const SUBSCRIPTION = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position kind incident { id } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

/**
 * The issue-25 drill: PostgreSQL stops and comes back while a writer keeps committing at a
 * steady rate and consoles listen. What must hold: the server says it is not ready while the
 * database is away, every write it acknowledged is in the database afterwards, and the
 * consoles end with exactly the committed events, in order, once each.
 */
describe('PostgreSQL stopped and restarted under sustained load', () => {
  let own: AppOnOwnPostgres | undefined;
  let database: EmbeddedDatabase;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    own = await startAppOnOwnPostgres('restartload');
    ({ database, t } = own);
    cookie = await t.login('duty');
  }, 120_000);
  afterAll(() => own?.close());

  it('loses no acknowledged write and lets every console catch up exactly once', async () => {
    const position = await t.gql<{ livePosition: string }>('{ livePosition }', {}, cookie);
    const from = BigInt(position.data!.livePosition);
    const subscribers = Array.from({ length: 5 }, () => new ResumingSubscriber(t.wsUrl, cookie, SUBSCRIPTION, 'incidentChanged', from));
    subscribers.forEach((s) => s.start());

    // One report every 25 ms, whatever the database is doing; the ids it was told are committed.
    const acknowledged: string[] = [];
    const refusals = new Set<string>();
    let refused = 0;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const at = Date.now();
        const response = await t
          .gql<{ reportIncident: { id: string } }>(REPORT, { input: { title: `sustained ${i}`, incidentClass: 'C' } }, cookie)
          .catch(() => null);
        if (response?.data?.reportIncident) acknowledged.push(response.data.reportIncident.id);
        else {
          refused++;
          refusals.add(String(response?.errors?.[0]?.extensions?.code ?? 'NO_ANSWER'));
        }
        await new Promise((r) => setTimeout(r, Math.max(0, 25 - (Date.now() - at))));
      }
    })();
    const untilAcknowledged = async (count: number) => {
      const deadline = Date.now() + 60_000;
      while (acknowledged.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(acknowledged.length).toBeGreaterThanOrEqual(count);
    };

    await untilAcknowledged(20);
    await database.stop();
    const whileDown = acknowledged.length;
    const readyWhileDown = await fetch(`${t.url}/readyz`);
    expect(readyWhileDown.status).toBe(503);
    // The writer keeps sending into the outage (ten attempts at least) and is refused, not answered with a half-truth.
    const refusedBy = Date.now() + 60_000;
    while (refused < 10 && Date.now() < refusedBy) await new Promise((r) => setTimeout(r, 25));
    expect(acknowledged.length).toBe(whileDown);

    await database.start();
    await untilAcknowledged(whileDown + 20);
    writing = false;
    await writer;
    expect([...refusals]).toEqual(['UNAVAILABLE']);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const stored = await db.query<{ id: string }>('select id from incident where id = any($1::uuid[])', [acknowledged]);
    const events = await db.query<{ position: string }>(
      `select position from event where topic = 'incident' and position > $1 order by position`,
      [String(from)],
    );
    await db.end();
    expect(stored.rows.length, 'acknowledged reports missing after the restart').toBe(acknowledged.length);
    const committed = events.rows.map((r) => BigInt(r.position));
    expect(committed.length).toBeGreaterThanOrEqual(acknowledged.length);

    await Promise.all(subscribers.map((s) => s.waitFor(() => s.positions.length >= committed.length)));
    for (const subscriber of subscribers) expect(subscriber.positions).toEqual(committed);
    console.info(
      `database restart under load: ${acknowledged.length} reports acknowledged, all stored, ${refused} refused while down; ${committed.length} events delivered once each to ${subscribers.length} consoles`,
    );
    await Promise.all(subscribers.map((s) => s.close()));
  }, 180_000);
});
