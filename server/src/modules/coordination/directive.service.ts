import { LockMode, QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DirectiveOrigin, DirectivePriority, DirectiveProgressKind, WorkingGroup } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context, Viewer } from '../../core/context';
import { domainError, forbidden, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnitService } from '../identity/member-unit.service';
import { DIRECTIVE_TOPIC } from './coordination.events';
import { Directive, DirectiveAssignee, DirectiveProgress } from './directive.entity';
import { directivePolicy } from './directive.policy';
import { cleanDirective, cleanProgressNote, isDirectiveComplete, nextAssigneeStatus } from './directive.rules';

/** What coordination needs of the duty module to check a directive's link (its services, not its tables). */
export interface DirectiveOriginPorts {
  /** Throws NOT_FOUND when the instruction does not exist or the viewer may not see it. */
  instruction(em: EntityManager, viewer: Viewer | null, id: string): Promise<unknown>;
  call(em: EntityManager, viewer: Viewer | null, id: string): Promise<unknown>;
}

export interface NewDirective {
  title: string;
  content?: string | null;
  source: string;
  ownerName: string;
  deadline: Date;
  priority: DirectivePriority;
  assignees: { group?: WorkingGroup | null; unitId?: string | null }[];
  hqInstructionId?: string | null;
  dutyCallId?: string | null;
  /** Set by the meeting service only (origin MEETING), once it has checked the decision. */
  meetingDecisionId?: string | null;
}

export interface DirectiveFilter {
  first: number;
  offset: number;
  onlyOpen: boolean;
  onlyOverdue: boolean;
  group: WorkingGroup | null;
  unitId: string | null;
}

export interface DirectiveStepInput {
  assigneeId: string;
  note?: string | null;
}

const OPERATION_OF_STEP: Record<DirectiveProgressKind, string> = {
  ACCEPTED: 'acceptDirective',
  PROGRESS: 'reportDirectiveProgress',
  FINISHED: 'finishDirective',
};

/**
 * 交办事项: HQ's tasks. A coordinator (or a leader) assigns one to working groups and/or member
 * units with an owner, a deadline and a priority; each assignee accepts, reports progress and
 * finishes; the directive is complete when the last one has finished. Overdue ones raise
 * `directive-overdue` for the leader on duty.
 */
export class DirectiveService {
  constructor(
    private readonly units: MemberUnitService,
    private readonly origins: DirectiveOriginPorts,
  ) {}

  // ------------------------------------------------------------------------------ reads

  /** Open first by deadline; a unit liaison only those assigned to their unit. */
  async list(em: EntityManager, viewer: Viewer | null, filter: DirectiveFilter, now: Date): Promise<Directive[]> {
    const where: Record<string, unknown> = {};
    if (filter.onlyOpen || filter.onlyOverdue) where['completedAt'] = null;
    if (filter.onlyOverdue) where['deadline'] = { $lte: now };
    const idSets: string[][] = [];
    if (!directivePolicy.seesAll(viewer)) {
      const unitId = directivePolicy.unitOf(viewer);
      if (!unitId) return [];
      idSets.push(await this.directiveIdsAssignedTo(em, { targetUnitId: unitId }));
    }
    if (filter.group) idSets.push(await this.directiveIdsAssignedTo(em, { targetGroup: filter.group }));
    if (filter.unitId && isUuid(filter.unitId)) idSets.push(await this.directiveIdsAssignedTo(em, { targetUnitId: filter.unitId }));
    if (idSets.length) where['id'] = { $in: idSets.reduce((a, b) => a.filter((id) => b.includes(id))) };
    return em.find(Directive, where, {
      orderBy: { completedAt: QueryOrder.DESC_NULLS_FIRST, deadline: QueryOrder.ASC, id: QueryOrder.ASC },
      limit: Math.min(Math.max(filter.first, 1), 200),
      offset: Math.max(filter.offset, 0),
    });
  }

  /** The directive if this viewer may see it; NOT_FOUND otherwise. */
  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<Directive> {
    const directive = isUuid(id) ? await em.findOne(Directive, { id }) : null;
    if (!directive) throw notFound('Directive', id);
    if (!directivePolicy.seesAll(viewer)) {
      const assignees = await this.assigneesOf(em, [directive.id]);
      if (
        !directivePolicy.canSee(
          viewer,
          assignees.flatMap((a) => (a.targetUnitId ? [a.targetUnitId] : [])),
        )
      )
        throw notFound('Directive', id);
    }
    return directive;
  }

  /** Every assignee of these directives: groups first, then units by name. */
  async assigneesOf(em: EntityManager, directiveIds: readonly string[]): Promise<DirectiveAssignee[]> {
    if (directiveIds.length === 0) return [];
    return em.find(
      DirectiveAssignee,
      { directiveId: { $in: [...directiveIds] } },
      { orderBy: { targetGroup: 'asc', targetUnitName: 'asc', id: 'asc' } },
    );
  }

  /** Every progress note of these directives, oldest first. */
  async progressOf(em: EntityManager, directiveIds: readonly string[]): Promise<DirectiveProgress[]> {
    if (directiveIds.length === 0) return [];
    return em.find(DirectiveProgress, { directiveId: { $in: [...directiveIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
  }

  /** Open directives past `cutoff` (the alert rule's and the handover's query), oldest deadline first. */
  async overdue(em: EntityManager, cutoff: Date): Promise<Directive[]> {
    return em.find(Directive, { completedAt: null, deadline: { $lte: cutoff } }, { orderBy: { deadline: 'asc', id: 'asc' }, limit: 1000 });
  }

  /** The directive a meeting's decision became, if any. */
  async ofDecisions(em: EntityManager, decisionIds: readonly string[]): Promise<Directive[]> {
    if (decisionIds.length === 0) return [];
    return em.find(Directive, { meetingDecisionId: { $in: [...decisionIds] } });
  }

  /** Open directives and how many of them are past their deadline (the leader's board). */
  async openCounts(em: EntityManager, now: Date): Promise<{ open: number; overdue: number }> {
    const [open, overdue] = await Promise.all([
      em.count(Directive, { completedAt: null }),
      em.count(Directive, { completedAt: null, deadline: { $lte: now } }),
    ]);
    return { open, overdue };
  }

  // ------------------------------------------------------------------------------ changes

  async create(ctx: Context, input: NewDirective): Promise<Directive> {
    return commit(ctx, 'createDirective', input, (tx) =>
      this.createIn(tx, input, input.hqInstructionId ? 'HQ_INSTRUCTION' : input.dutyCallId ? 'DUTY_CALL' : 'HQ'),
    );
  }

  /**
   * Creates a directive inside a caller's transaction: the entry point for an HQ instruction
   * turned into a task (ADR 0014) and for a meeting's decision. The link is checked through the
   * duty module's services and kept on the directive.
   */
  async createIn(tx: Tx, input: NewDirective, origin: DirectiveOrigin): Promise<Directive> {
    const clean = cleanDirective(input, tx.now);
    if (input.hqInstructionId && input.dutyCallId)
      throw domainError('BAD_USER_INPUT', 'A directive comes from an HQ instruction or a duty call, not both.', {
        field: 'dutyCallId',
        reason: 'directive/two_origins',
      });
    if (input.hqInstructionId) await this.origins.instruction(tx.em, tx.viewer, input.hqInstructionId);
    if (input.dutyCallId) await this.origins.call(tx.em, tx.viewer, input.dutyCallId);
    const units = await Promise.all(
      clean.unitIds.map(async (id) => {
        const unit = await this.units.get(tx.em, id);
        if (!unit || !unit.active) throw notFound('Member unit', id);
        return unit;
      }),
    );
    const directive = tx.em.create(Directive, {
      title: clean.title,
      content: clean.content,
      source: clean.source,
      origin,
      hqInstructionId: input.hqInstructionId ?? null,
      dutyCallId: input.dutyCallId ?? null,
      meetingDecisionId: input.meetingDecisionId ?? null,
      ownerName: clean.ownerName,
      deadline: clean.deadline,
      priority: input.priority,
      createdById: tx.viewer?.userId ?? null,
      createdByName: tx.viewer?.displayName ?? '',
      completedAt: null,
    });
    for (const group of clean.groups)
      tx.em.create(DirectiveAssignee, { directiveId: directive.id, targetGroup: group, targetUnitId: null, status: 'ASSIGNED' });
    for (const unit of units)
      tx.em.create(DirectiveAssignee, {
        directiveId: directive.id,
        targetGroup: null,
        targetUnitId: unit.id,
        targetUnitName: unit.name,
        status: 'ASSIGNED',
      });
    this.emit(tx, directive, 'CREATED', clean.unitIds, ['created']);
    return directive;
  }

  /**
   * One step of one assignee: accept (接收), report progress (进展), or finish (办结). The assignee
   * and the directive rows are locked, so two people acting at once are serialized and the second
   * is told what happened first.
   */
  async step(ctx: Context, kind: DirectiveProgressKind, input: DirectiveStepInput): Promise<Directive> {
    return commit(ctx, OPERATION_OF_STEP[kind], input, async (tx) => {
      const found = isUuid(input.assigneeId) ? await tx.em.findOne(DirectiveAssignee, { id: input.assigneeId }) : null;
      if (!found || !directivePolicy.canSee(tx.viewer, found.targetUnitId ? [found.targetUnitId] : []))
        throw notFound('Directive assignee', input.assigneeId);
      // Directive first, then assignee: the same lock order for every step, so two steps never deadlock.
      const directive = await tx.em.findOneOrFail(Directive, { id: found.directiveId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const assignee = await tx.em.findOneOrFail(
        DirectiveAssignee,
        { id: found.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (!directivePolicy.canAct(tx.viewer, assignee))
        throw forbidden(
          assignee.targetGroup
            ? `Only someone of the ${assignee.targetGroup} working group, or a leader, can act on this assignment.`
            : `Only ${assignee.targetUnitName}'s liaison, or a leader, can act on this assignment.`,
        );
      const note = cleanProgressNote(kind, input.note);
      const next = nextAssigneeStatus(assignee.status, kind);
      if (!next)
        throw domainError('CONFLICT', `This assignment is ${assignee.status}; it cannot be ${kind.toLowerCase()} now.`, {
          reason: `directive/assignee_${assignee.status.toLowerCase()}`,
          status: assignee.status,
        });
      assignee.status = next;
      if (kind === 'ACCEPTED') assignee.acceptedAt = tx.now;
      if (kind === 'FINISHED') assignee.finishedAt = tx.now;
      tx.em.create(DirectiveProgress, {
        directiveId: directive.id,
        assigneeId: assignee.id,
        kind,
        note,
        at: tx.now,
        byId: tx.viewer?.userId ?? null,
        byName: tx.viewer?.displayName ?? '',
      });
      const all = await tx.em.find(DirectiveAssignee, { directiveId: directive.id });
      if (isDirectiveComplete(all)) directive.completedAt = tx.now;
      // The directive's version moves with each step, so a console holding it sees the change.
      directive.updatedAt = tx.now;
      this.emit(
        tx,
        directive,
        'UPDATED',
        all.flatMap((a) => (a.targetUnitId ? [a.targetUnitId] : [])),
        ['assignees', 'progress'],
      );
      return directive;
    });
  }

  // ------------------------------------------------------------------------------ internals

  private async directiveIdsAssignedTo(
    em: EntityManager,
    where: { targetUnitId: string } | { targetGroup: WorkingGroup },
  ): Promise<string[]> {
    const rows = await em.find(DirectiveAssignee, where, { fields: ['directiveId'] });
    return [...new Set(rows.map((r) => r.directiveId))];
  }

  private emit(tx: Tx, directive: Directive, kind: 'CREATED' | 'UPDATED', targetUnitIds: string[], changed: string[]): void {
    tx.emit({
      topic: DIRECTIVE_TOPIC,
      entityType: 'Directive',
      entityId: directive.id,
      kind,
      payload: { targetUnitIds, open: directive.completedAt === null, changed },
    });
  }
}
