import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmittedEvent } from './topics';

/** Channel the committing transaction notifies; the payload is only the newest position. */
export const EVENT_CHANNEL = 'cc_events';

/**
 * Advisory lock key held from the event insert until commit (ADR 0003). It makes positions
 * follow commit order: a transaction that takes position N commits before N+1 can be taken,
 * so a reader that has seen N+1 can never later meet a committed N.
 */
const OUTBOX_LOCK_KEY = 727_274_001;

/**
 * Writes the events in the caller's transaction, as its last step before COMMIT.
 * The NOTIFY is delivered by PostgreSQL only if the transaction commits.
 */
export async function appendToOutbox(em: EntityManager, actorId: string | null, events: readonly EmittedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await em.execute('select pg_advisory_xact_lock(?)', [OUTBOX_LOCK_KEY]);
  const rows = await em.execute<{ position: string }[]>(
    `insert into event (topic, entity_type, entity_id, kind, actor_id, payload, committed_at)
     select e.topic, e.entity_type, e.entity_id, e.kind, ?::uuid, e.payload, clock_timestamp()
     from jsonb_to_recordset(?::jsonb) as e(topic text, entity_type text, entity_id text, kind text, payload jsonb)
     returning position`,
    [
      actorId,
      JSON.stringify(
        events.map((e) => ({ topic: e.topic, entity_type: e.entityType, entity_id: e.entityId, kind: e.kind, payload: e.payload })),
      ),
    ],
  );
  const newest = rows.at(-1)?.position;
  await em.execute('select pg_notify(?, ?)', [EVENT_CHANNEL, String(newest)]);
}
