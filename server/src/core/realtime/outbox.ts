import type { EntityManager } from '@mikro-orm/postgresql';
import { ADVISORY_LOCKS } from '../database/advisory-locks';
import type { Statement } from '../database/statement';
import type { EmittedEvent } from './topics';

/** Channel the committing transaction notifies; the payload is only the newest position. */
export const EVENT_CHANNEL = 'cc_events';

/**
 * Advisory lock key held from the event insert until commit (ADR 0003). It makes positions
 * follow commit order: a transaction that takes position N commits before N+1 can be taken,
 * so a reader that has seen N+1 can never later meet a committed N.
 */
const OUTBOX_LOCK_KEY = ADVISORY_LOCKS.outboxCommitOrder;

/**
 * Writes the events in the caller's transaction, as its last step before COMMIT.
 * The NOTIFY is delivered by PostgreSQL only if the transaction commits.
 *
 * Lock, insert and notify are one statement: the outbox lock serialises every committing
 * transaction, and it is held from this statement until COMMIT. Each round trip inside that
 * window waits for this process's event loop, which under fan-out load is busy for tens of
 * milliseconds at a time; three round trips there made commits queue behind each other
 * (found by the benchmark). The lock comes first in the plan: positions (nextval) and the
 * commit stamp are taken only once it is held, so positions still follow commit order.
 *
 * `alongside` is another write of the same transaction (the mutation's audit rows) sent in the
 * same statement, as a data-modifying CTE: a round trip costs this process more CPU than the
 * SQL it carries (0.2–0.45 ms in the benchmark's request-cost table, mostly ORM and driver
 * JavaScript). It runs whether or not there are events.
 */
export async function appendToOutbox(
  em: EntityManager,
  actorId: string | null,
  events: readonly EmittedEvent[],
  alongside?: Statement,
): Promise<void> {
  if (events.length === 0) {
    if (alongside) await em.execute(alongside.sql, alongside.params);
    return;
  }
  await em.execute(
    `with ${alongside ? `alongside as (${alongside.sql}),` : ''}
     locked as (select pg_advisory_xact_lock(?) as held),
     inserted as (
       insert into event (topic, entity_type, entity_id, kind, actor_id, payload, committed_at)
       select e.topic, e.entity_type, e.entity_id, e.kind, ?::uuid, e.payload, clock_timestamp()
       from locked, jsonb_to_recordset(?::jsonb) as e(topic text, entity_type text, entity_id text, kind text, payload jsonb)
       returning position
     )
     select pg_notify(?, (select max(position) from inserted)::text)`,
    [
      ...(alongside?.params ?? []),
      OUTBOX_LOCK_KEY,
      actorId,
      JSON.stringify(
        events.map((e) => ({ topic: e.topic, entity_type: e.entityType, entity_id: e.entityId, kind: e.kind, payload: e.payload })),
      ),
      EVENT_CHANNEL,
    ],
  );
}
