import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DOCUMENT_TEXT_LIMITS, WORKING_GROUP_OF_ROLE, type WorkingGroup } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { unitScopeOf } from '../../core/auth/unit-scope';
import type { Context, Viewer } from '../../core/context';
import { domainError, forbidden, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { UserService } from '../identity/user.service';
import type { AttachmentService } from './attachment.service';
import { Document, DocumentRouting } from './document.entity';
import { DOCUMENT_TOPIC } from './document.events';
import { documentPolicy } from './document.policy';
import {
  cleanDocument,
  cleanTargets,
  isPending,
  targetKey,
  type CleanTarget,
  type DocumentFields,
  type RoutingTargetInput,
} from './document.rules';

/** The owner type attachments of a document are linked with. */
export const DOCUMENT_OWNER = 'Document';

export interface DocumentFilter {
  search: string;
  first: number;
  offset: number;
}

/** A sign-off past its due time, with its document (the alert rule's query). */
export interface OverdueSignoff {
  routing: DocumentRouting;
  document: Document;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Document circulation (文件运转): the coordination group registers an incoming (收文) or
 * outgoing (发文) document with its attachments and routes copies to working groups, member
 * units or people, to read (阅知) or to sign for (签收) by a due time; each reader marks their
 * own copy; the coordinator sees who has not and reminds them.
 */
export class DocumentService {
  constructor(
    private readonly units: MemberUnitService,
    private readonly users: UserService,
    private readonly attachments: AttachmentService,
  ) {}

  // ------------------------------------------------------------------------------ reads

  /** Newest registered first, optionally matching number, title or issuer; a liaison only what was routed to them. */
  async list(em: EntityManager, viewer: Viewer | null, filter: DocumentFilter): Promise<Document[]> {
    const where: Record<string, unknown> = {};
    const search = filter.search.trim().slice(0, 100);
    if (search) {
      const like = `%${escapeLike(search)}%`;
      where['$or'] = [{ docNumber: { $ilike: like } }, { title: { $ilike: like } }, { issuer: { $ilike: like } }];
    }
    if (!documentPolicy.seesAll(viewer)) {
      const ids = await this.documentIdsRoutedTo(em, viewer);
      if (ids.length === 0) return [];
      where['id'] = { $in: ids };
    }
    return em.find(Document, where, {
      orderBy: { registeredAt: 'desc', id: 'asc' },
      limit: Math.min(Math.max(filter.first, 1), 200),
      offset: Math.max(filter.offset, 0),
    });
  }

  /** The document if this viewer may see it; NOT_FOUND otherwise. */
  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<Document> {
    const document = isUuid(id) ? await em.findOne(Document, { id }) : null;
    if (!document || !(await this.maySee(em, viewer, document.id))) throw notFound('Document', id);
    return document;
  }

  /** Whether the viewer may see the document (the attachments' owner check). */
  async maySee(em: EntityManager, viewer: Viewer | null, documentId: string): Promise<boolean> {
    if (documentPolicy.seesAll(viewer)) return true;
    const routings = await this.routingsOf(em, [documentId]);
    return documentPolicy.canSee(viewer, targetsOf(routings));
  }

  /** Every copy of these documents: groups, then units, then people, each by name. */
  async routingsOf(em: EntityManager, documentIds: readonly string[]): Promise<DocumentRouting[]> {
    if (documentIds.length === 0) return [];
    return em.find(
      DocumentRouting,
      { documentId: { $in: [...documentIds] } },
      { orderBy: { targetGroup: 'asc', targetUserId: 'desc', targetName: 'asc', id: 'asc' } },
    );
  }

  /**
   * The viewer's own copies still waiting (收件箱): addressed to them by name, to their unit (a
   * liaison) or to their working group; sign-offs due first, then the newest routed.
   */
  async inbox(em: EntityManager, viewer: Viewer | null): Promise<DocumentRouting[]> {
    if (!viewer) return [];
    const or: Record<string, unknown>[] = [{ targetUserId: viewer.userId }];
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'UNIT') or.push({ targetUnitId: scope.unitId });
    const groups = groupsOf(viewer);
    if (groups.length) or.push({ targetGroup: { $in: groups } });
    const rows = await em.find(
      DocumentRouting,
      {
        $or: or,
        $and: [
          {
            $or: [
              { purpose: 'READ', readAt: null },
              { purpose: 'SIGN', signedAt: null },
            ],
          },
        ],
      },
      { orderBy: { dueAt: 'asc nulls last', routedAt: 'desc', id: 'asc' }, limit: 200 },
    );
    return rows;
  }

  /** Sign-offs past their due time and still unsigned, oldest due first (the alert rule's query). */
  async overdueSignoffs(em: EntityManager, now: Date): Promise<OverdueSignoff[]> {
    const routings = await em.find(
      DocumentRouting,
      { purpose: 'SIGN', signedAt: null, dueAt: { $lte: now } },
      { orderBy: { dueAt: 'asc', id: 'asc' }, limit: 1000 },
    );
    const ids = [...new Set(routings.map((r) => r.documentId))];
    const documents = ids.length ? await em.find(Document, { id: { $in: ids } }) : [];
    const byId = new Map(documents.map((d) => [d.id, d]));
    return routings.flatMap((routing) => {
      const document = byId.get(routing.documentId);
      return document ? [{ routing, document }] : [];
    });
  }

  // ------------------------------------------------------------------------------ changes

  /** Registers (登记) a document with its uploaded attachments, and routes it to its first targets if given. */
  async register(
    ctx: Context,
    input: DocumentFields & { attachmentIds?: string[] | null; targets?: RoutingTargetInput[] | null },
  ): Promise<Document> {
    return commit(ctx, 'registerDocument', input, async (tx) => {
      const clean = cleanDocument(input);
      const targets = cleanTargets(input.targets ?? [], tx.now, { allowNone: true });
      const existing = await tx.em.findOne(Document, { direction: clean.direction, docNumber: clean.docNumber });
      if (existing)
        throw domainError('CONFLICT', `Document ${clean.docNumber} is already registered (“${existing.title}”).`, {
          reason: 'document/number_taken',
          field: 'docNumber',
          id: existing.id,
        });
      const document = tx.em.create(Document, {
        ...clean,
        registeredAt: tx.now,
        registeredById: tx.viewer?.userId ?? null,
        registeredByName: tx.viewer?.displayName ?? '',
      });
      await tx.em.flush();
      await this.attachments.claim(tx, input.attachmentIds ?? [], DOCUMENT_OWNER, document.id);
      const routings = await this.createRoutings(tx, document, targets, []);
      this.emit(tx, document, 'CREATED', routings, ['created']);
      return document;
    });
  }

  /** Routes a registered document to more targets; a target it already went to is refused. */
  async route(ctx: Context, input: { documentId: string; targets: RoutingTargetInput[] }): Promise<Document> {
    return commit(ctx, 'routeDocument', input, async (tx) => {
      const document = await this.lockDocument(tx, input.documentId);
      const targets = cleanTargets(input.targets, tx.now, { allowNone: false });
      const existing = await tx.em.find(DocumentRouting, { documentId: document.id });
      const routings = await this.createRoutings(tx, document, targets, existing);
      document.updatedAt = tx.now;
      this.emit(tx, document, 'UPDATED', [...existing, ...routings], ['routings']);
      return document;
    });
  }

  /** Marks one copy read (阅知) by the one it is addressed to (or a leader). */
  async markRead(ctx: Context, input: { routingId: string }): Promise<Document> {
    return commit(ctx, 'markDocumentRead', input, async (tx) => {
      const routing = await this.lockOwnRouting(tx, input.routingId);
      if (routing.readAt)
        throw domainError(
          'CONFLICT',
          `${routing.readByName || 'Someone'} already marked this copy read at ${routing.readAt.toISOString()}.`,
          {
            reason: 'document/already_read',
          },
        );
      routing.readAt = tx.now;
      routing.readById = tx.viewer?.userId ?? null;
      routing.readByName = tx.viewer?.displayName ?? '';
      return this.touch(tx, routing, ['read']);
    });
  }

  /** Signs for (签收) one copy routed for sign-off; signing also marks it read. */
  async sign(ctx: Context, input: { routingId: string; note?: string | null }): Promise<Document> {
    return commit(ctx, 'signDocument', input, async (tx) => {
      const routing = await this.lockOwnRouting(tx, input.routingId);
      if (routing.purpose !== 'SIGN')
        throw domainError('BAD_USER_INPUT', 'This copy was sent to be read (阅知), not signed for; mark it read instead.', {
          reason: 'document/not_for_signing',
          field: 'routingId',
        });
      if (routing.signedAt)
        throw domainError(
          'CONFLICT',
          `${routing.signedByName || 'Someone'} already signed for this copy at ${routing.signedAt.toISOString()}.`,
          {
            reason: 'document/already_signed',
            signedBy: routing.signedByName,
          },
        );
      const note = (input.note ?? '').trim();
      if (note.length > DOCUMENT_TEXT_LIMITS.note)
        throw domainError('BAD_USER_INPUT', `Keep the note to ${DOCUMENT_TEXT_LIMITS.note} characters.`, { field: 'note' });
      if (!routing.readAt) {
        routing.readAt = tx.now;
        routing.readById = tx.viewer?.userId ?? null;
        routing.readByName = tx.viewer?.displayName ?? '';
      }
      routing.signedAt = tx.now;
      routing.signedById = tx.viewer?.userId ?? null;
      routing.signedByName = tx.viewer?.displayName ?? '';
      routing.signNote = note;
      return this.touch(tx, routing, ['signed']);
    });
  }

  /** Reminds (催办) every copy still unread or unsigned; refused when nobody is left waiting. */
  async remind(ctx: Context, input: { documentId: string }): Promise<Document> {
    return commit(ctx, 'remindDocumentReaders', input, async (tx) => {
      const document = await this.lockDocument(tx, input.documentId);
      const all = await tx.em.find(DocumentRouting, { documentId: document.id });
      const waiting = all.filter(isPending);
      if (waiting.length === 0)
        throw domainError('CONFLICT', 'Every copy of this document has been read or signed; there is nobody to remind.', {
          reason: 'document/nobody_to_remind',
        });
      for (const routing of waiting) {
        routing.remindedAt = tx.now;
        routing.remindCount += 1;
      }
      document.updatedAt = tx.now;
      this.emit(tx, document, 'UPDATED', all, ['reminded']);
      return document;
    });
  }

  // ------------------------------------------------------------------------------ internals

  private async documentIdsRoutedTo(em: EntityManager, viewer: Viewer | null): Promise<string[]> {
    if (!viewer) return [];
    const scope = unitScopeOf(viewer);
    const or: Record<string, unknown>[] = [{ targetUserId: viewer.userId }];
    if (scope.kind === 'UNIT') or.push({ targetUnitId: scope.unitId });
    const rows = await em.find(DocumentRouting, { $or: or }, { fields: ['documentId'] });
    return [...new Set(rows.map((r) => r.documentId))];
  }

  private async lockDocument(tx: Tx, id: string): Promise<Document> {
    const document = isUuid(id) ? await tx.em.findOne(Document, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!document) throw notFound('Document', id);
    return document;
  }

  /** The copy, locked, if the viewer may see it (NOT_FOUND) and act on it (FORBIDDEN, naming whose it is). */
  private async lockOwnRouting(tx: Tx, id: string): Promise<DocumentRouting> {
    const routing = isUuid(id) ? await tx.em.findOne(DocumentRouting, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!routing || !(documentPolicy.seesAll(tx.viewer) || documentPolicy.isOwnCopy(tx.viewer, routing)))
      throw notFound('Document copy', id);
    if (!documentPolicy.canAct(tx.viewer, routing))
      throw forbidden(
        routing.targetGroup
          ? `Only someone of the ${routing.targetGroup} working group, or a leader, can act on this copy.`
          : routing.targetUnitId
            ? `Only ${routing.targetName}'s liaison, or a leader, can act on this copy.`
            : `Only ${routing.targetName}, or a leader, can act on this copy.`,
      );
    return routing;
  }

  /** The document's version moves with each copy's change, so a console holding it sees the change. */
  private async touch(tx: Tx, routing: DocumentRouting, changed: string[]): Promise<Document> {
    const document = await tx.em.findOneOrFail(Document, { id: routing.documentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    document.updatedAt = tx.now;
    const all = await tx.em.find(DocumentRouting, { documentId: document.id });
    this.emit(tx, document, 'UPDATED', all, changed);
    return document;
  }

  private async createRoutings(
    tx: Tx,
    document: Document,
    targets: CleanTarget[],
    existing: DocumentRouting[],
  ): Promise<DocumentRouting[]> {
    const taken = new Set(existing.map((r) => targetKey({ group: r.targetGroup, unitId: r.targetUnitId, userId: r.targetUserId })));
    const created: DocumentRouting[] = [];
    for (const target of targets) {
      const key = targetKey({
        group: target.kind === 'GROUP' ? target.group : null,
        unitId: target.kind === 'UNIT' ? target.unitId : null,
        userId: target.kind === 'USER' ? target.userId : null,
      });
      if (taken.has(key))
        throw domainError('CONFLICT', 'The document has already been routed to one of these targets; route it to the others.', {
          reason: 'document/already_routed',
          field: 'targets',
        });
      let targetName = '';
      if (target.kind === 'UNIT') {
        const unit = await this.units.get(tx.em, target.unitId);
        if (!unit || !unit.active) throw notFound('Member unit', target.unitId);
        targetName = unit.name;
      } else if (target.kind === 'USER') {
        const user = await this.users.get(tx.em, target.userId);
        if (!user || !user.active) throw notFound('Person', target.userId);
        targetName = user.displayName;
      }
      created.push(
        tx.em.create(DocumentRouting, {
          documentId: document.id,
          targetGroup: target.kind === 'GROUP' ? target.group : null,
          targetUnitId: target.kind === 'UNIT' ? target.unitId : null,
          targetUserId: target.kind === 'USER' ? target.userId : null,
          targetName,
          purpose: target.purpose,
          dueAt: target.dueAt,
          routedAt: tx.now,
          routedById: tx.viewer?.userId ?? null,
          readAt: null,
          readById: null,
          signedAt: null,
          signedById: null,
          remindedAt: null,
          remindCount: 0,
        }),
      );
    }
    return created;
  }

  private emit(tx: Tx, document: Document, kind: 'CREATED' | 'UPDATED', routings: DocumentRouting[], changed: string[]): void {
    const targets = targetsOf(routings);
    tx.emit({
      topic: DOCUMENT_TOPIC,
      entityType: 'Document',
      entityId: document.id,
      kind,
      payload: {
        targetUnitIds: [...targets.unitIds],
        targetUserIds: [...targets.userIds],
        targetGroups: [...new Set(routings.flatMap((r) => (r.targetGroup ? [r.targetGroup] : [])))],
        changed,
      },
    });
  }
}

function targetsOf(routings: readonly DocumentRouting[]): { unitIds: string[]; userIds: string[] } {
  return {
    unitIds: [...new Set(routings.flatMap((r) => (r.targetUnitId ? [r.targetUnitId] : [])))],
    userIds: [...new Set(routings.flatMap((r) => (r.targetUserId ? [r.targetUserId] : [])))],
  };
}

/** The working groups the viewer's roles belong to. */
function groupsOf(viewer: Viewer): WorkingGroup[] {
  return [...new Set(viewer.roles.flatMap((r) => (WORKING_GROUP_OF_ROLE[r] ? [WORKING_GROUP_OF_ROLE[r]] : [])))];
}
