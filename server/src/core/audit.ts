import { ChangeSetType, type EventSubscriber, type FlushEventArgs, type EntityManager as CoreEntityManager } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AUDIT_REDACTED_FIELDS, AUDIT_REDACTED_VALUE, AUDIT_SKIPPED_FIELDS } from '@cc/shared';
import type { Statement } from './database/statement';

/** What one flush changed, in a form the audit record keeps. */
export interface AuditedChange {
  entityType: string;
  entityId: string;
  /** NONE: a read worth recording (a file downloaded), written by hand with writeAudit. */
  change: 'CREATE' | 'UPDATE' | 'DELETE' | 'NONE';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Values never copied into the audit trail, and bookkeeping left out (shared: the console names the rest). */
const REDACTED = new Set(AUDIT_REDACTED_FIELDS);
const SKIPPED = new Set(AUDIT_SKIPPED_FIELDS);

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    if ('id' in value) return (value as { id: unknown }).id;
    if (Array.isArray(value)) return value.map(plain);
  }
  return value;
}

function pick(source: Record<string, unknown> | undefined, keys: Iterable<string>): Record<string, unknown> | null {
  if (!source) return null;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (SKIPPED.has(key)) continue;
    out[key] = REDACTED.has(key) ? AUDIT_REDACTED_VALUE : plain(source[key]);
  }
  return out;
}

/**
 * Collects every entity change of every flush, per EntityManager, so that the unit of work
 * can write the audit record in the same transaction. Generic: no module writes audit by hand.
 */
export class AuditCollector implements EventSubscriber {
  /**
   * The id is read when the rows are taken, after the flush: a key the database assigns
   * (an autoincrement id) is not known yet when onFlush runs, and was audited as "undefined".
   */
  private readonly pending = new WeakMap<CoreEntityManager, (Omit<AuditedChange, 'entityId'> & { entityId: () => string })[]>();

  onFlush(args: FlushEventArgs): void {
    const changes = this.pending.get(args.em) ?? [];
    for (const cs of args.uow.getChangeSets()) {
      if (cs.meta.className === 'AuditRecord') continue;
      const entity = cs.entity as Record<string, unknown>;
      const payloadKeys = Object.keys(cs.payload as object);
      const original = cs.originalEntity as Record<string, unknown> | undefined;
      const change =
        cs.type === ChangeSetType.CREATE
          ? 'CREATE'
          : cs.type === ChangeSetType.DELETE || cs.type === ChangeSetType.DELETE_EARLY
            ? 'DELETE'
            : 'UPDATE';
      changes.push({
        entityType: cs.meta.className,
        entityId: () => String(cs.getSerializedPrimaryKey() ?? entity[cs.meta.primaryKeys[0] ?? 'id']),
        change,
        before: change === 'CREATE' ? null : pick(original, change === 'DELETE' ? Object.keys(original ?? {}) : payloadKeys),
        after: change === 'DELETE' ? null : pick(entity, payloadKeys),
      });
    }
    this.pending.set(args.em, changes);
  }

  take(em: EntityManager): AuditedChange[] {
    const changes = this.pending.get(em as unknown as CoreEntityManager) ?? [];
    this.pending.delete(em as unknown as CoreEntityManager);
    return changes.map((change) => ({ ...change, entityId: change.entityId() }));
  }
}

export const auditCollector = new AuditCollector();

export interface AuditEntry {
  actorId: string | null;
  requestId: string;
  operation: string;
  transport: string;
}

/** The statement that appends the audit rows of one mutation; the table accepts INSERT only (migration 0001). */
export function auditInsert(entry: AuditEntry, changes: readonly AuditedChange[]): Statement {
  const rows = changes.length ? changes : [{ entityType: null, entityId: null, change: 'NONE', before: null, after: null } as const];
  return {
    sql: `insert into audit_record (actor_id, request_id, operation, transport, entity_type, entity_id, change, before, after)
     select ?::uuid, ?, ?, ?, r.entity_type, r.entity_id, r.change, r.before, r.after
     from jsonb_to_recordset(?::jsonb) as r(entity_type text, entity_id text, change text, before jsonb, after jsonb)`,
    params: [
      entry.actorId,
      entry.requestId,
      entry.operation,
      entry.transport,
      JSON.stringify(
        rows.map((r) => ({ entity_type: r.entityType, entity_id: r.entityId, change: r.change, before: r.before, after: r.after })),
      ),
    ],
  };
}

/** Appends the audit rows of one mutation on their own (work outside `commit`, such as the first-run administrator). */
export async function writeAudit(em: EntityManager, entry: AuditEntry, changes: readonly AuditedChange[]): Promise<void> {
  const { sql, params } = auditInsert(entry, changes);
  await em.execute(sql, params);
}
