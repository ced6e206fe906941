/**
 * Every PostgreSQL advisory-lock key the server takes, in one place, so no two uses share a
 * key by accident (the migration lock and first-admin creation once both used 727274003: a
 * replica creating the administrator waited for, and blocked, another replica's migrations).
 * Add a key here, never inline; keys are never reused for another purpose.
 */
export const ADVISORY_LOCKS = {
  /** Held from the outbox insert to COMMIT: event positions follow commit order (ADR 0003). */
  outboxCommitOrder: 727_274_001,
  /** Event pruning: one replica at a time (try-lock). */
  eventPruning: 727_274_002,
  /** Migrations at start-up: replicas starting together on an empty database take turns. */
  migrations: 727_274_003,
  /** First-run administrator creation: only one replica creates the account. */
  firstAdmin: 727_274_004,
  /** Generating a shift handover: two officers pressing "generate" at once make one draft, not a unique-index error. */
  shiftHandover: 727_274_011,
  /** Demo seed at start-up: replicas starting together on an empty database seed it once. */
  demoSeed: 727_274_005,
} as const;

/**
 * Classes of the two-key form `pg_advisory_xact_lock(class, hashtext(name))`: one lock per
 * named thing within the class. A class never equals a single key above by construction
 * (different lock spaces in PostgreSQL), but they are kept distinct anyway for readability.
 */
export const ADVISORY_LOCK_CLASSES = {
  /** One alert rule's evaluation, cluster-wide (ADR 0008). */
  alertRule: 72_727_002,
} as const;
