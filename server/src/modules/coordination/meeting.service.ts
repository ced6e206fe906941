import { LockMode, QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DirectivePriority, MeetingKind, WorkingGroup } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { unitScopeOf } from '../../core/auth/unit-scope';
import type { Context, Viewer } from '../../core/context';
import { domainError, forbidden, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnitService } from '../identity/member-unit.service';
import { MEETING_TOPIC } from './coordination.events';
import type { Directive } from './directive.entity';
import type { DirectiveService } from './directive.service';
import { Meeting, MeetingDecision } from './meeting.entity';
import { checkScheduledAt, cleanMeeting, cleanMinutes, meetingStepProblem } from './meeting.rules';

export interface ScheduleMeetingInput {
  /** A unit's request to schedule; absent for a meeting HQ calls itself. */
  requestId?: string | null;
  forUnitId?: string | null;
  kind: MeetingKind;
  title: string;
  agenda?: string | null;
  attendees?: string | null;
  location?: string | null;
  scheduledAt: Date;
}

export interface DecisionToDirectiveInput {
  decisionId: string;
  title?: string | null;
  ownerName: string;
  deadline: Date;
  priority: DirectivePriority;
  assignees: { group?: WorkingGroup | null; unitId?: string | null }[];
}

/** HQ sees every meeting; a unit liaison the meetings their own unit requested. */
export function canSeeMeeting(viewer: Viewer | null, requestedByUnitId: string | null): boolean {
  const scope = unitScopeOf(viewer);
  return scope.kind === 'ALL' || (scope.kind === 'UNIT' && scope.unitId === requestedByUnitId);
}

/**
 * 会议组织承办: HQ schedules the daily dispatch meeting or a coordination meeting on a major
 * issue; any member unit's liaison may request the latter (重大事项协调会议), which HQ then
 * schedules. Minutes and decisions are recorded after; a decision becomes a directive with one
 * action (`DirectiveService.createIn`, origin MEETING, the link kept).
 */
export class MeetingService {
  constructor(
    private readonly units: MemberUnitService,
    private readonly directives: DirectiveService,
  ) {}

  // ------------------------------------------------------------------------------ reads

  /** Requests first, then by time, newest first; a liaison only their own unit's requests. */
  async list(em: EntityManager, viewer: Viewer | null, first: number): Promise<Meeting[]> {
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'NONE') return [];
    const where = scope.kind === 'UNIT' ? { requestedByUnitId: scope.unitId } : {};
    return em.find(Meeting, where, {
      orderBy: { scheduledAt: QueryOrder.DESC_NULLS_FIRST, id: QueryOrder.ASC },
      limit: Math.min(Math.max(first, 1), 200),
    });
  }

  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<Meeting> {
    const meeting = isUuid(id) ? await em.findOne(Meeting, { id }) : null;
    if (!meeting || !this.canSee(viewer, meeting.requestedByUnitId ?? null)) throw notFound('Meeting', id);
    return meeting;
  }

  canSee(viewer: Viewer | null, requestedByUnitId: string | null): boolean {
    return canSeeMeeting(viewer, requestedByUnitId);
  }

  async decisionsOf(em: EntityManager, meetingIds: readonly string[]): Promise<MeetingDecision[]> {
    if (meetingIds.length === 0) return [];
    return em.find(MeetingDecision, { meetingId: { $in: [...meetingIds] } }, { orderBy: { decidedAt: 'asc', id: 'asc' } });
  }

  // ------------------------------------------------------------------------------ changes

  /** A liaison asks HQ for a coordination meeting on a major issue of their unit. */
  async request(ctx: Context, input: { title: string; agenda?: string | null }): Promise<Meeting> {
    return commit(ctx, 'requestMeeting', input, async (tx) => {
      const scope = unitScopeOf(tx.viewer);
      if (scope.kind !== 'UNIT') throw forbidden('Only a member unit’s liaison requests a meeting; HQ schedules one.');
      const unit = await this.units.get(tx.em, scope.unitId);
      if (!unit || !unit.active) throw notFound('Member unit', scope.unitId);
      const clean = cleanMeeting(input);
      const meeting = tx.em.create(Meeting, {
        kind: 'COORDINATION',
        status: 'REQUESTED',
        title: clean.title,
        agenda: clean.agenda,
        attendees: '',
        location: '',
        scheduledAt: null,
        minutes: '',
        heldAt: null,
        requestedByUnitId: unit.id,
        requestedByUnitName: unit.name,
        requestedById: tx.viewer?.userId ?? null,
        requestedByName: tx.viewer?.displayName ?? '',
      });
      this.emit(tx, meeting, 'CREATED', ['requested']);
      return meeting;
    });
  }

  /** Schedules a meeting HQ calls, or a unit's request (then its title and agenda may be refined). */
  async schedule(ctx: Context, input: ScheduleMeetingInput): Promise<Meeting> {
    return commit(ctx, 'scheduleMeeting', input, async (tx) => {
      const clean = cleanMeeting(input);
      const scheduledAt = checkScheduledAt(input.scheduledAt, tx.now);
      if (input.requestId) {
        const meeting = isUuid(input.requestId)
          ? await tx.em.findOne(Meeting, { id: input.requestId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
          : null;
        if (!meeting) throw notFound('Meeting', input.requestId);
        const problem = meetingStepProblem(meeting.status, 'SCHEDULE');
        if (problem) throw domainError('CONFLICT', 'This meeting is already scheduled.', { reason: problem });
        if (input.kind !== 'COORDINATION')
          throw domainError('BAD_USER_INPUT', 'A unit’s request is a coordination meeting on a major issue.', {
            field: 'kind',
            reason: 'meeting/request_kind',
          });
        Object.assign(meeting, { ...clean, status: 'SCHEDULED', scheduledAt });
        this.emit(tx, meeting, 'UPDATED', ['scheduled']);
        return meeting;
      }
      let unit: { id: string; name: string } | null = null;
      if (input.forUnitId) {
        if (input.kind !== 'COORDINATION')
          throw domainError('BAD_USER_INPUT', 'A member unit asks only for a coordination meeting on a major issue.', {
            field: 'kind',
            reason: 'meeting/request_kind',
          });
        const found = isUuid(input.forUnitId) ? await this.units.get(tx.em, input.forUnitId) : null;
        if (!found || !found.active) throw notFound('Member unit', input.forUnitId);
        unit = found;
      }
      const meeting = tx.em.create(Meeting, {
        kind: input.kind,
        status: 'SCHEDULED',
        ...clean,
        scheduledAt,
        minutes: '',
        heldAt: null,
        requestedByUnitId: unit?.id ?? null,
        requestedByUnitName: unit?.name ?? '',
        requestedById: tx.viewer?.userId ?? null,
        requestedByName: tx.viewer?.displayName ?? '',
      });
      this.emit(tx, meeting, 'CREATED', ['scheduled']);
      return meeting;
    });
  }

  /** Records (or revises) the minutes and appends decisions; the meeting is then held. */
  async recordMinutes(ctx: Context, input: { meetingId: string; minutes: string; decisions?: string[] | null }): Promise<Meeting> {
    return commit(ctx, 'recordMeetingMinutes', input, async (tx) => {
      const meeting = isUuid(input.meetingId)
        ? await tx.em.findOne(Meeting, { id: input.meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!meeting) throw notFound('Meeting', input.meetingId);
      const problem = meetingStepProblem(meeting.status, 'MINUTES');
      if (problem) throw domainError('CONFLICT', 'Schedule the meeting before recording its minutes.', { reason: problem });
      const clean = cleanMinutes(input);
      meeting.minutes = clean.minutes;
      if (meeting.status !== 'HELD') {
        meeting.status = 'HELD';
        meeting.heldAt = tx.now;
      }
      meeting.updatedAt = tx.now;
      for (const content of clean.decisions)
        tx.em.create(MeetingDecision, {
          meetingId: meeting.id,
          content,
          decidedAt: tx.now,
          recordedById: tx.viewer?.userId ?? null,
          recordedByName: tx.viewer?.displayName ?? '',
        });
      this.emit(tx, meeting, 'UPDATED', ['minutes', 'decisions']);
      return meeting;
    });
  }

  /** A decision becomes a directive with one action; the directive keeps the decision, and a decision becomes one directive at most. */
  async decisionToDirective(ctx: Context, input: DecisionToDirectiveInput): Promise<Directive> {
    return commit(ctx, 'createDirectiveFromDecision', input, async (tx) => {
      const decision = isUuid(input.decisionId) ? await tx.em.findOne(MeetingDecision, { id: input.decisionId }) : null;
      if (!decision) throw notFound('Meeting decision', input.decisionId);
      // One directive per decision: the meeting row is the lock two people converting at once queue on.
      const meeting = await tx.em.findOneOrFail(Meeting, { id: decision.meetingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const [existing] = await this.directives.ofDecisions(tx.em, [decision.id]);
      if (existing)
        throw domainError('CONFLICT', 'This decision is already a directive.', {
          reason: 'meeting/decision_converted',
          directiveId: existing.id,
        });
      const title = (input.title ?? '').trim() || (decision.content.length > 200 ? `${decision.content.slice(0, 199)}…` : decision.content);
      const directive = await this.directives.createIn(
        tx,
        {
          title,
          content: decision.content,
          source: meeting.title.length > 100 ? `${meeting.title.slice(0, 99)}…` : meeting.title,
          ownerName: input.ownerName,
          deadline: input.deadline,
          priority: input.priority,
          assignees: input.assignees,
          meetingDecisionId: decision.id,
        },
        'MEETING',
      );
      meeting.updatedAt = tx.now;
      this.emit(tx, meeting, 'UPDATED', ['decisions']);
      return directive;
    });
  }

  private emit(tx: Tx, meeting: Meeting, kind: 'CREATED' | 'UPDATED', changed: string[]): void {
    tx.emit({
      topic: MEETING_TOPIC,
      entityType: 'Meeting',
      entityId: meeting.id,
      kind,
      payload: { requestedByUnitId: meeting.requestedByUnitId ?? null, changed },
    });
  }
}
