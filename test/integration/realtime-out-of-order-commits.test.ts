import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVISORY_LOCKS } from '../../server/src/core/database/advisory-locks';
import { startTestApp, type TestApp } from '../support/test-app';
import { ResumingSubscriber } from '../support/resuming-subscriber';

const SUBSCRIPTION = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position incident { title } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

/**
 * A sequence hands out positions before commit, so without care a later position can commit
 * first and a reader that saw it would skip the earlier one forever. Here a transaction takes
 * an outbox position and stalls before COMMIT while other transactions try to commit.
 */
describe('transactions that would commit out of position order', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    cookie = await t.login('duty');
  });
  afterAll(() => t?.close());

  it('cannot make a later position visible before an earlier one, so no subscriber skips the stalled event', async () => {
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, cookie);
    const subscriber = new ResumingSubscriber(t.wsUrl, cookie, SUBSCRIPTION, 'incidentChanged', BigInt(data!.livePosition));
    subscriber.start();

    // The stalled transaction: it writes an outbox event exactly as core/realtime/outbox.ts does, then waits.
    const stalled = new pg.Client({ connectionString: t.databaseUrl });
    await stalled.connect();
    await stalled.query('begin');
    await stalled.query('select pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.outboxCommitOrder]);
    const { rows } = await stalled.query<{ position: string }>(
      `insert into event (topic, entity_type, entity_id, kind, payload) values ('incident', 'Incident', gen_random_uuid()::text, 'UPDATED', '{}') returning position`,
    );
    const stalledPosition = BigInt(rows[0]!.position);

    // Three ordinary mutations start meanwhile; they must not commit an event past the stalled one.
    let finished = 0;
    const later = ['after 1', 'after 2', 'after 3'].map((title) =>
      t.gql(REPORT, { input: { title, incidentClass: 'B' } }, cookie).then((r) => (finished++, r)),
    );
    await new Promise((r) => setTimeout(r, 800));
    const reader = new pg.Client({ connectionString: t.databaseUrl });
    await reader.connect();
    const visible = await reader.query<{ max: string | null }>('select max(position) as max from event');
    expect(BigInt(visible.rows[0]!.max ?? 0)).toBeLessThan(stalledPosition);
    expect(finished).toBe(0);

    await stalled.query('commit');
    await stalled.end();
    const results = await Promise.all(later);
    results.forEach((r) => expect(r.errors).toBeUndefined());

    // The stalled event's record does not exist, so it is skipped by the resolver; the other three arrive in order.
    const all = await reader.query<{ position: string }>(`select position from event where position >= $1 order by position`, [
      String(stalledPosition),
    ]);
    await reader.end();
    const positions = all.rows.map((r) => BigInt(r.position));
    expect(positions[0]).toBe(stalledPosition);
    expect(positions).toHaveLength(4);
    await subscriber.waitFor(() => subscriber.positions.length >= 3);
    expect(subscriber.positions).toEqual(positions.slice(1));
    await subscriber.close();
  });
});
