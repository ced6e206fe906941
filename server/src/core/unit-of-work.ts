import { createHash } from 'node:crypto';
import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditCollector, auditInsert } from './audit';
import type { Context, Viewer } from './context';
import { domainError } from './errors';
import { appendToOutbox } from './realtime/outbox';
import type { EmittedEvent, TopicName } from './realtime/topics';

/** What a service gets inside `commit`: the transaction's EntityManager and a place to emit events. */
export interface Tx {
  readonly em: EntityManager;
  readonly viewer: Viewer | null;
  readonly now: Date;
  emit<T extends TopicName>(event: EmittedEvent<T>): void;
}

interface StoredResult {
  entity?: string;
  id?: string;
  value?: unknown;
}

/**
 * Runs one mutation as one transaction: the change, its audit rows and its outbox events
 * commit together or not at all. With an idempotency key, a repeated call returns the first
 * call's result without acting again (ADR 0003).
 */
export async function commit<T>(ctx: Context, operation: string, input: unknown, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.em.transactional(async (em) => {
    const actorId = ctx.viewer?.userId ?? null;
    const key = ctx.idempotencyKey;
    if (key !== undefined && (key.length < 8 || key.length > 200)) {
      throw domainError('BAD_USER_INPUT', 'An idempotency key has 8 to 200 characters; send a new random one (a UUID does).', {
        reason: 'idempotency/bad_key',
        field: 'idempotencyKey',
      });
    }
    const requestHash = key ? hashInput(operation, input) : '';
    if (key) {
      const replayed = await claimIdempotencyKey(em, actorId, key, operation, requestHash);
      if (replayed) return (await loadStored(em, replayed)) as T;
    }
    const events: EmittedEvent[] = [];
    const tx: Tx = { em, viewer: ctx.viewer, now: ctx.clock.now(), emit: (event) => void events.push(event as EmittedEvent) };
    const result = await work(tx);
    await em.flush();
    if (key) await saveIdempotentResult(em, actorId, key, operation, storeResult(result));
    // Last before COMMIT: the outbox lock is held only from here to the end of the transaction.
    // The audit rows go in the same statement (one round trip, not two).
    const audit = auditInsert({ actorId, requestId: ctx.requestId, operation, transport: ctx.transport }, auditCollector.take(em));
    await appendToOutbox(em, actorId, events, audit);
    return result;
  });
}

function hashInput(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(operation)
    .update(JSON.stringify(input ?? null))
    .digest('hex');
}

/** Returns the stored result when this key was already used for this operation. */
async function claimIdempotencyKey(
  em: EntityManager,
  actorId: string | null,
  key: string,
  operation: string,
  requestHash: string,
): Promise<StoredResult | undefined> {
  // A concurrent duplicate blocks on the unique index until the first commits, then reads its result.
  const claimed = await em.execute<{ key: string }[]>(
    `insert into idempotency_key (actor_id, key, operation, request_hash) values (?, ?, ?, ?)
     on conflict do nothing returning key`,
    [actorId ?? '00000000-0000-0000-0000-000000000000', key, operation, requestHash],
  );
  if (claimed.length > 0) return undefined;
  const [existing] = await em.execute<{ request_hash: string; result: StoredResult | null }[]>(
    'select request_hash, result from idempotency_key where actor_id = ? and key = ? and operation = ?',
    [actorId ?? '00000000-0000-0000-0000-000000000000', key, operation],
  );
  if (!existing || existing.request_hash !== requestHash) {
    throw domainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was already used for a different request. Use a new key for a new action.',
      { reason: 'idempotency/key_reused' },
    );
  }
  return existing.result ?? {};
}

async function saveIdempotentResult(em: EntityManager, actorId: string | null, key: string, operation: string, result: StoredResult) {
  await em.execute('update idempotency_key set result = ?::jsonb where actor_id = ? and key = ? and operation = ?', [
    JSON.stringify(result),
    actorId ?? '00000000-0000-0000-0000-000000000000',
    key,
    operation,
  ]);
}

function storeResult(result: unknown): StoredResult {
  if (result && typeof result === 'object' && !Array.isArray(result)) {
    try {
      const helper = wrap(result as object, true);
      if (helper.__meta) return { entity: helper.__meta.className, id: String(helper.getPrimaryKey()) };
    } catch {
      // not an entity: stored as a value below
    }
  }
  return { value: result ?? null };
}

async function loadStored(em: EntityManager, stored: StoredResult): Promise<unknown> {
  if (stored.entity && stored.id) return em.findOneOrFail(stored.entity as never, stored.id as never);
  return stored.value ?? null;
}
