import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDatabase } from '../../../server/src/core/database/embedded-postgres';
import { EVENT_CHANNEL } from '../../../server/src/core/realtime/outbox';
import { ResumingSubscriber } from '../../support/resuming-subscriber';
import { startAppOnOwnPostgres, type AppOnOwnPostgres } from '../../support/own-postgres';
import type { TestApp } from '../../support/test-app';

const SUBSCRIPTION = 'subscription($after: EventPosition) { dispatchOrderChanged(after: $after) { position kind order { number } } }';

/**
 * dispatchOrderChanged re-read the order with `.catch(() => null)`: when the database went away
 * between an order's commit and that re-read, the failure looked like "not visible to you", the
 * event was skipped instead of retried, and every console missed that change for good. Now only
 * "not found / not visible" skips; UNAVAILABLE goes on to the retry (or ends the subscription so
 * the console resumes), and the change arrives once the database is back.
 *
 * To stop the database exactly during the re-read, the test holds an ACCESS EXCLUSIVE lock on
 * the orders table (which even a SELECT waits on), commits an outbox event for an existing order
 * exactly as core/realtime/outbox.ts writes it, waits until the re-read is blocked on that lock,
 * and only then stops PostgreSQL.
 */
describe('a dispatch order change committed just before the database goes away', () => {
  let own: AppOnOwnPostgres | undefined;
  let database: EmbeddedDatabase;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    own = await startAppOnOwnPostgres('blip');
    ({ database, t } = own);
    cookie = await t.login('dispatcher');
  }, 120_000);
  afterAll(() => own?.close());

  it('reaches the console after the database is back instead of being dropped', async () => {
    const side = new pg.Client({ connectionString: database.url });
    const locker = new pg.Client({ connectionString: database.url });
    await Promise.all([side.connect(), locker.connect()]);
    const { rows: orders } = await side.query<{ id: string; number: string; status: string; priority: number }>(
      'select id, number, status, priority from dispatch_order order by number limit 1',
    );
    const order = orders[0]!;
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, cookie);
    const subscriber = new ResumingSubscriber(t.wsUrl, cookie, SUBSCRIPTION, 'dispatchOrderChanged', BigInt(data!.livePosition));
    subscriber.start();
    await new Promise((r) => setTimeout(r, 300));

    const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await locker.query('begin');
    await locker.query('lock table dispatch_order in access exclusive mode');
    const { rows } = await side.query<{ position: string }>(
      `insert into event (topic, entity_type, entity_id, kind, payload)
       values ('dispatchOrder', 'DispatchOrder', $1, 'UPDATED', $2) returning position`,
      [
        order.id,
        JSON.stringify({
          number: order.number,
          status: order.status,
          priority: order.priority,
          requestingUnitId: null,
          changed: ['status'],
        }),
      ],
    );
    const position = BigInt(rows[0]!.position);
    await side.query('select pg_notify($1, $2)', [EVENT_CHANNEL, String(position)]);

    // The server has the event and is re-reading the order: its SELECT waits on the lock.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows: waiting } = await side.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%dispatch_order%' and pid <> $1`,
        [lockerPid],
      );
      if (waiting[0]!.n > 0) break;
      if (Date.now() > deadline) throw new Error('the server never re-read the order');
      await new Promise((r) => setTimeout(r, 25));
    }
    side.on('error', () => undefined);
    locker.on('error', () => undefined);
    await database.stop(); // the waiting re-read fails as the server shuts down (57P01: UNAVAILABLE)
    await database.start();

    await subscriber.waitFor(() => subscriber.positions.includes(position), 30_000);
    expect(subscriber.positions.filter((p) => p === position)).toHaveLength(1);
    await subscriber.close();
    await Promise.all([side.end().catch(() => undefined), locker.end().catch(() => undefined)]);
  }, 120_000);
});
