import type { ModuleTests } from '../../support/module-tests';

/**
 * The realtime core (server/src/core/realtime): livePosition and the outbox's tables. Its
 * cross-cutting tests stay in test/integration/realtime-*.test.ts.
 */
export const MODULE: ModuleTests = {
  module: 'realtime',
  fixtures: {
    livePosition: () => ({}),
  },
  fieldHints: {
    topic: ['incident', 'vehicle', 'nope'],
  },
  invariants: {
    event: [
      {
        // Same transaction, so the same xmin (neither table is ever updated, so xmin is the inserting transaction).
        broken: 'events committed without an audit record in their transaction',
        sql: `select e.position, e.topic, e.entity_type, e.entity_id from event e
              where e.committed_at >= $1 and not exists (select 1 from audit_record a where a.xmin = e.xmin)`,
        sinceFuzzingBegan: true,
      },
    ],
    event_horizon: { none: 'one row (a CHECK keeps it single) that only the outbox’s pruning moves' },
    idempotency_key: {
      none: 'remembered answers to retried requests; reuse with another input is refused per request (IDEMPOTENCY_KEY_REUSED)',
    },
    mikro_orm_migrations: { none: 'the migration runner’s bookkeeping; no request writes it' },
  },
};
