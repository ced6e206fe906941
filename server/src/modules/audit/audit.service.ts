import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../core/auth/ids';
import { domainError } from '../../core/errors';
import type { PersonName } from '../identity/user.service';
import { AuditRecord } from './audit-record.entity';
import type { AuditFilterInput } from './audit.types';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

/** What the audit service needs from identity: names for actor ids (a module reaches another only through its service). */
export interface PeopleDirectory {
  namesOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, PersonName>>;
}

export interface AuditPage {
  records: (AuditRecord & { actor: PersonName | null })[];
  endCursor: string | null;
  hasMore: boolean;
}

const badInput = (field: string, message: string) => domainError('BAD_USER_INPUT', message, { field });

/** The cursor is opaque to clients: the position of the last record they saw. */
export const encodeCursor = (id: string): string => Buffer.from(`audit:${id}`).toString('base64url');

export function decodeCursor(cursor: string): string {
  const match = /^audit:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after', 'This page cursor is not valid; start again from the first page.');
  return match[1]!;
}

/** Searches the audit trail (read-only: this module has no operation that writes). */
export class AuditService {
  constructor(private readonly people: PeopleDirectory) {}

  async search(em: EntityManager, filter: AuditFilterInput = {}, first = AUDIT_PAGE_DEFAULT, after?: string | null): Promise<AuditPage> {
    if (!Number.isInteger(first) || first < 1 || first > AUDIT_PAGE_MAX)
      throw badInput('first', `Ask for 1 to ${AUDIT_PAGE_MAX} records per page.`);
    if (filter.from && filter.to && filter.from >= filter.to) throw badInput('to', 'The end of the time range must be after its start.');
    if (filter.actorId && !isUuid(filter.actorId)) return { records: [], endCursor: null, hasMore: false };
    const where: FilterQuery<AuditRecord> = {};
    if (filter.actorId) where.actorId = filter.actorId;
    if (filter.entityType?.trim()) where.entityType = filter.entityType.trim();
    if (filter.entityId?.trim()) where.entityId = filter.entityId.trim();
    if (filter.operation?.trim()) where.operation = filter.operation.trim();
    if (filter.from || filter.to) where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    if (after) where.id = { $lt: decodeCursor(after) };
    // The id follows insertion order, so "newest first" pages are stable while new rows arrive.
    const rows = await em.find(AuditRecord, where, { orderBy: { id: 'desc' }, limit: first + 1 });
    const hasMore = rows.length > first;
    const page = rows.slice(0, first);
    const names = await this.people.namesOf(
      em,
      page.map((r) => r.actorId).filter((id): id is string => !!id),
    );
    return {
      records: page.map((r) => Object.assign(r, { actor: r.actorId ? (names.get(r.actorId) ?? null) : null })),
      endCursor: page.length ? encodeCursor(page.at(-1)!.id) : null,
      hasMore,
    };
  }
}
