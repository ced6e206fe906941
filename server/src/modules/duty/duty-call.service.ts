import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DUTY_CALL_CORRECTABLE_FIELDS,
  DUTY_CALL_TEXT_LIMITS,
  dutyCallNumber,
  hqDay,
  hqDayRange,
  isHqDay,
  reportedAtProblem,
  type DutyCallCorrectableField,
  type WorkingGroup,
} from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context, Viewer } from '../../core/context';
import { domainError, forbidden, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { DispatchOrderService } from '../dispatch/dispatch-order.service';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { IncidentService } from '../incidents/incident.service';
import { DutyCallCorrection } from './duty-call-correction.entity';
import { DutyCallForward } from './duty-call-forward.entity';
import { DutyCallOutcome } from './duty-call-outcome.entity';
import { DutyCall } from './duty-call.entity';
import type {
  AcknowledgeDutyForwardInput,
  ClaimDutyCallInput,
  CloseDutyCallInput,
  ConvertDutyCallToDispatchOrderInput,
  ConvertDutyCallToIncidentInput,
  CorrectDutyCallInput,
  DutyLogFilter,
  ForwardDutyCallInput,
  LogDutyCallInput,
} from './duty-call.inputs';
import { dutyCallPolicy } from './duty-call.policy';
import { fieldText, likePattern, optionalText, requiredText, validateCorrection, validateDutyCall } from './duty-call.rules';
import { DUTY_CALL_TOPIC } from './duty.events';

/** At most this many receivers in one forward: a typo guard, not an organisational limit. */
const MAX_TARGETS = 10;

export interface DutyLogPage {
  items: DutyCall[];
  total: number;
  day: string;
}

export interface CallerSuggestion {
  name: string;
  phone: string | null;
  unitText: string | null;
  unitId: string | null;
}

/**
 * 值班记录: the duty phone's calls from logging to closing. Every change runs in one unit of work
 * that locks the call first; numbers come from the day's counter row in the same transaction, so
 * they are unique and gap-free; a call is never edited in place after logging (corrections are
 * appended). Turning a call into an incident or a dispatch order goes through those modules'
 * services inside the same transaction.
 */
export class DutyCallService {
  constructor(
    private readonly incidents: IncidentService,
    private readonly orders: DispatchOrderService,
    private readonly units: MemberUnitService,
  ) {}

  // ------------------------------------------------------------------------------ reads

  /** The call if this viewer may see it; NOT_FOUND otherwise (a liaison: calls forwarded to their unit only). */
  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<DutyCall> {
    const call = isUuid(id) ? await em.findOne(DutyCall, { id }) : null;
    if (!call || !(await this.visible(em, viewer, call.id))) throw notFound('Duty call', id);
    return call;
  }

  private async visible(em: EntityManager, viewer: Viewer | null, callId: string): Promise<boolean> {
    if (dutyCallPolicy.seesAllCalls(viewer)) return true;
    const unitId = dutyCallPolicy.liaisonUnit(viewer);
    return unitId !== null && (await em.count(DutyCallForward, { callId, targetUnitId: unitId })) > 0;
  }

  /**
   * One page of a day's log, newest first, with the total: two statements whatever the page
   * size (ids and total in one, the rows in the other); nested fields are batched by the loaders.
   */
  async log(
    em: EntityManager,
    viewer: Viewer | null,
    filter: DutyLogFilter | null,
    first: number,
    offset: number,
    now: Date,
  ): Promise<DutyLogPage> {
    const day = filter?.day ?? hqDay(now);
    if (!isHqDay(day)) throw domainError('BAD_USER_INPUT', `"${day}" is not a date; write it as YYYY-MM-DD.`, { field: 'day' });
    const limit = Math.min(Math.max(first, 0), 200);
    const skip = Math.max(offset, 0);
    const where = ['c.hq_day = ?'];
    const params: unknown[] = [day];
    if (!dutyCallPolicy.seesAllCalls(viewer)) {
      where.push('exists (select 1 from duty_call_forward f where f.call_id = c.id and f.target_unit_id = ?)');
      params.push(dutyCallPolicy.liaisonUnit(viewer) ?? '00000000-0000-0000-0000-000000000000');
    }
    for (const [column, value] of [
      ['category', filter?.category],
      ['urgency', filter?.urgency],
      ['status', filter?.status],
    ] as const) {
      if (!value) continue;
      where.push(`c.${column} = ?`);
      params.push(value);
    }
    if (filter?.forwardedTo) {
      where.push('exists (select 1 from duty_call_forward f where f.call_id = c.id and f.target_group = ?)');
      params.push(filter.forwardedTo);
    }
    const search = filter?.search?.trim();
    if (search) {
      if (search.length > 100) throw domainError('BAD_USER_INPUT', 'Search for at most 100 characters.', { field: 'search' });
      const like = likePattern(search);
      where.push(`(c.number ilike ? or c.caller_name ilike ? or c.caller_phone ilike ? or c.unit_text ilike ? or c.summary ilike ?
        or c.notes ilike ? or replace(coalesce(c.caller_phone, ''), ' ', '') ilike ?
        or exists (select 1 from member_unit u where u.id = c.unit_id and (u.name ilike ? or u.code ilike ?)))`);
      params.push(like, like, like, like, like, like, likePattern(search.replace(/\s/g, '')), like, like);
    }
    const rows = await em.execute<{ id: string; total: string }[]>(
      `select c.id, count(*) over () as total from duty_call c where ${where.join(' and ')}
       order by c.received_at desc, c.id desc limit ? offset ?`,
      [...params, limit, skip],
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && skip > 0) {
      const [counted] = await em.execute<{ total: string }[]>(
        `select count(*) as total from duty_call c where ${where.join(' and ')}`,
        params,
      );
      total = Number(counted?.total ?? 0);
    }
    if (rows.length === 0) return { items: [], total, day };
    const calls = await em.find(DutyCall, { id: { $in: rows.map((r) => r.id) } });
    const byId = new Map(calls.map((c) => [c.id, c]));
    return { items: rows.map((r) => byId.get(r.id)!).filter(Boolean), total, day };
  }

  /** Recent callers and free-text units beginning with what was typed (name or phone), newest first. */
  async suggestions(em: EntityManager, prefix: string, now: Date): Promise<{ callers: CallerSuggestion[]; units: string[] }> {
    const typed = prefix.trim();
    if (!typed) return { callers: [], units: [] };
    if (typed.length > 100) throw domainError('BAD_USER_INPUT', 'Type at most 100 characters.', { field: 'prefix' });
    const since = new Date(now.getTime() - 30 * 24 * 3600_000);
    const like = `${likePattern(typed).slice(1)}`;
    const [callers, units] = await Promise.all([
      em.execute<{ caller_name: string; caller_phone: string | null; unit_text: string | null; unit_id: string | null }[]>(
        `select distinct on (caller_name, coalesce(caller_phone, '')) caller_name, caller_phone, unit_text, unit_id
         from (select * from duty_call where logged_at >= ? and (caller_name ilike ? or replace(coalesce(caller_phone, ''), ' ', '') ilike ?)
               order by logged_at desc limit 200) recent
         order by caller_name, coalesce(caller_phone, ''), logged_at desc limit 10`,
        [since, like, `${likePattern(typed.replace(/\s/g, '')).slice(1)}`],
      ),
      em.execute<{ unit_text: string }[]>(
        `select unit_text from duty_call where logged_at >= ? and unit_text ilike ? group by unit_text order by max(logged_at) desc limit 10`,
        [since, like],
      ),
    ]);
    return {
      callers: callers.map((c) => ({ name: c.caller_name, phone: c.caller_phone, unitText: c.unit_text, unitId: c.unit_id })),
      units: units.map((u) => u.unit_text),
    };
  }

  /** Forwards addressed to the viewer's working groups or unit (a leader: all), waiting ones first, newest first. */
  async inbox(em: EntityManager, viewer: Viewer | null, first: number): Promise<DutyCallForward[]> {
    const limit = Math.min(Math.max(first, 0), 200);
    const order = { acknowledgedAt: 'desc nulls first', forwardedAt: 'desc', id: 'desc' } as const;
    if (dutyCallPolicy.actsForEveryReceiver(viewer)) return em.find(DutyCallForward, {}, { orderBy: order, limit });
    const groups = dutyCallPolicy.groupsOf(viewer);
    const unitId = dutyCallPolicy.liaisonUnit(viewer);
    const mine: object[] = [];
    if (groups.length) mine.push({ targetGroup: { $in: groups } });
    if (unitId) mine.push({ targetUnitId: unitId });
    if (mine.length === 0) return [];
    return em.find(DutyCallForward, { $or: mine }, { orderBy: order, limit });
  }

  /** The call's forwards' member units: what a liaison's stream is filtered by. */
  async forwardedUnitIds(em: EntityManager, callId: string): Promise<string[]> {
    const forwards = await em.find(DutyCallForward, { callId, targetUnitId: { $ne: null } }, { fields: ['targetUnitId'] });
    return [...new Set(forwards.map((f) => f.targetUnitId!))];
  }

  // ------------------------------------------------------------------------------ logging

  async logCall(ctx: Context, input: LogDutyCallInput): Promise<DutyCall> {
    return commit(ctx, 'logDutyCall', input, (tx) => this.logIn(tx, input));
  }

  /** Logs a call inside the caller's transaction, numbered from the day's counter. */
  async logIn(tx: Tx, input: LogDutyCallInput): Promise<DutyCall> {
    const clean = validateDutyCall(input, tx.now);
    if (input.unitId != null && !(await this.units.get(tx.em, input.unitId))) throw notFound('Member unit', input.unitId);
    const day = hqDay(tx.now);
    const sequence = await this.nextSequence(tx, day);
    const call = tx.em.create(DutyCall, {
      number: dutyCallNumber(day, sequence),
      hqDay: day,
      sequence,
      ...clean,
      loggedAt: tx.now,
      unitId: input.unitId ?? null,
      status: 'OPEN',
      loggedById: tx.viewer?.userId ?? null,
      loggedByName: tx.viewer?.displayName ?? '',
    });
    tx.em.persist(call);
    emitCall(tx, call, [], [], 'CREATED');
    return call;
  }

  /** The day's counter row, incremented under its row lock: concurrent entries queue here, and a rollback returns the number. */
  private async nextSequence(tx: Tx, day: string): Promise<number> {
    const [row] = await tx.em.execute<{ last: number }[]>(
      `insert into duty_call_counter (day, last) values (?, 1)
       on conflict (day) do update set last = duty_call_counter.last + 1 returning last`,
      [day],
    );
    return Number(row!.last);
  }

  // ------------------------------------------------------------------------------ claiming

  /**
   * Takes a call. Atomic: the call's row is locked and read fresh, so of two officers picking up
   * the same call at once the second waits, then sees the first holds it and is told who (CONFLICT);
   * claiming your own again is a no-op. (Through the ORM, not a bare conditional UPDATE, so the
   * change is audited like every other.)
   */
  async claim(ctx: Context, input: ClaimDutyCallInput): Promise<DutyCall> {
    return commit(ctx, 'claimDutyCall', input, async (tx) => {
      const call = await this.lock(tx, input.callId);
      const userId = tx.viewer?.userId ?? null;
      if (call.claimedById !== null && call.claimedById !== undefined) {
        if (call.claimedById === userId) return call;
        throw domainError('CONFLICT', `${call.claimedByName ?? 'Someone'} already took call ${call.number}.`, {
          reason: 'dutyCall/already_claimed',
          claimedBy: call.claimedByName ?? '',
          claimedById: call.claimedById,
        });
      }
      if (call.status === 'CLOSED') throw closed(call);
      call.claimedById = userId;
      call.claimedByName = tx.viewer?.displayName ?? '';
      call.claimedAt = tx.now;
      emitCall(tx, call, await this.forwardedUnitIds(tx.em, call.id), ['claimedBy']);
      return call;
    });
  }

  // ------------------------------------------------------------------------------ forwarding

  /** 运转: passes the call to groups and/or member units; it becomes FORWARDED. */
  async forward(ctx: Context, input: ForwardDutyCallInput): Promise<DutyCall> {
    return commit(ctx, 'forwardDutyCall', input, async (tx) => {
      const note = optionalText('note', input.note, DUTY_CALL_TEXT_LIMITS.forwardNote);
      const targets = await this.cleanTargets(tx, input.targets);
      const call = await this.lock(tx, input.callId);
      if (call.status === 'CLOSED') throw closed(call);
      const existing = await tx.em.find(DutyCallForward, { callId: call.id, acknowledgedAt: null });
      for (const target of targets) {
        const waiting = existing.find((f) => (f.targetGroup ?? null) === target.group && (f.targetUnitId ?? null) === target.unitId);
        if (waiting) {
          throw domainError('CONFLICT', `Call ${call.number} is already forwarded there and waits for acknowledgement.`, {
            reason: 'dutyCall/already_forwarded',
            field: 'targets',
          });
        }
        tx.em.persist(
          tx.em.create(DutyCallForward, {
            callId: call.id,
            targetGroup: target.group,
            targetUnitId: target.unitId,
            note,
            forwardedAt: tx.now,
            forwardedById: tx.viewer?.userId ?? null,
            forwardedByName: tx.viewer?.displayName ?? '',
          }),
        );
      }
      call.status = 'FORWARDED';
      call.forwardedAt ??= tx.now;
      const units = new Set(await this.forwardedUnitIds(tx.em, call.id));
      for (const t of targets) if (t.unitId) units.add(t.unitId);
      emitCall(tx, call, [...units], ['forwards', 'status']);
      return call;
    });
  }

  private async cleanTargets(
    tx: Tx,
    raw: ForwardDutyCallInput['targets'],
  ): Promise<{ group: WorkingGroup | null; unitId: string | null }[]> {
    if (raw.length === 0) throw domainError('BAD_USER_INPUT', 'Choose at least one working group or member unit.', { field: 'targets' });
    if (raw.length > MAX_TARGETS)
      throw domainError('BAD_USER_INPUT', `Forward to at most ${MAX_TARGETS} receivers at once.`, { field: 'targets' });
    const seen = new Set<string>();
    const targets: { group: WorkingGroup | null; unitId: string | null }[] = [];
    for (const t of raw) {
      const group = t.group ?? null;
      const unitId = t.unitId ?? null;
      if ((group === null) === (unitId === null))
        throw domainError('BAD_USER_INPUT', 'Each receiver is a working group or a member unit, not both.', { field: 'targets' });
      if (unitId !== null && !(await this.units.get(tx.em, unitId))) throw notFound('Member unit', unitId);
      const key = group ?? unitId!;
      if (seen.has(key)) continue;
      seen.add(key);
      targets.push({ group, unitId });
    }
    return targets;
  }

  /** The receiving side confirms it has the call: someone of the target group, the unit's liaison, or a leader. */
  async acknowledge(ctx: Context, input: AcknowledgeDutyForwardInput): Promise<DutyCall> {
    return commit(ctx, 'acknowledgeDutyForward', input, async (tx) => {
      const note = optionalText('note', input.note, DUTY_CALL_TEXT_LIMITS.acknowledgementNote);
      const found = isUuid(input.forwardId) ? await tx.em.findOne(DutyCallForward, { id: input.forwardId }) : null;
      // Not theirs: a liaison learns nothing about other units' forwards; HQ staff are told why.
      if (!found || (!dutyCallPolicy.seesAllCalls(tx.viewer) && !dutyCallPolicy.canAcknowledge(tx.viewer, found)))
        throw notFound('Forward', input.forwardId);
      if (!dutyCallPolicy.canAcknowledge(tx.viewer, found))
        throw forbidden('This forward is addressed to another working group; someone of that group acknowledges it.');
      const call = await this.lock(tx, found.callId);
      const forward = await tx.em.findOneOrFail(DutyCallForward, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (forward.acknowledgedAt) {
        if (forward.acknowledgedById === tx.viewer?.userId) return call;
        throw domainError('CONFLICT', `${forward.acknowledgedByName ?? 'Someone'} already acknowledged this forward.`, {
          reason: 'dutyForward/already_acknowledged',
          acknowledgedBy: forward.acknowledgedByName ?? '',
        });
      }
      forward.acknowledgedAt = tx.now;
      forward.acknowledgedById = tx.viewer?.userId ?? null;
      forward.acknowledgedByName = tx.viewer?.displayName ?? '';
      forward.acknowledgementNote = note;
      call.updatedAt = tx.now;
      emitCall(tx, call, await this.forwardedUnitIds(tx.em, call.id), ['forwards']);
      return call;
    });
  }

  // ------------------------------------------------------------------------------ corrections and closing

  /** Appends a correction; the call shows the new value. Nothing of the call is ever overwritten without one. */
  async correct(ctx: Context, input: CorrectDutyCallInput): Promise<DutyCall> {
    return commit(ctx, 'correctDutyCall', input, async (tx) => {
      if (!(DUTY_CALL_CORRECTABLE_FIELDS as readonly string[]).includes(input.field)) {
        throw domainError('BAD_USER_INPUT', `A correction changes one of ${DUTY_CALL_CORRECTABLE_FIELDS.join(', ')}.`, {
          field: 'field',
          reason: 'dutyCall/not_correctable',
        });
      }
      const field = input.field as DutyCallCorrectableField;
      const reason = requiredText('reason', input.reason, DUTY_CALL_TEXT_LIMITS.correctionReason, 'the reason for the correction');
      const corrected = validateCorrection(field, input.value, tx.now);
      const call = await this.lock(tx, input.callId);
      const previous = fieldText(call, field);
      if (previous === corrected.text)
        throw domainError('BAD_USER_INPUT', `The call already says that; nothing to correct.`, {
          field: 'value',
          reason: 'dutyCall/unchanged',
        });
      (call as unknown as Record<string, unknown>)[field] = corrected.value;
      const correctedAt = await this.nextCorrectionTime(tx, call.id);
      tx.em.persist(
        tx.em.create(DutyCallCorrection, {
          callId: call.id,
          field,
          previousValue: previous,
          newValue: corrected.text,
          reason,
          correctedAt,
          correctedById: tx.viewer?.userId ?? null,
          correctedByName: tx.viewer?.displayName ?? '',
        }),
      );
      emitCall(tx, call, await this.forwardedUnitIds(tx.em, call.id), ['corrections', field]);
      return call;
    });
  }

  /**
   * When a correction of a locked call is recorded: now, but always after the call's previous
   * correction. Two corrections sent at once both read the clock before one waits for the
   * other's lock; stamped with those readings, the history could list them in the opposite
   * order to the one they were applied in, and "the latest correction" would not be the value
   * the call holds. The lock's order is the truth, so the stamps follow it (a millisecond later
   * at most when the clock readings disagree).
   */
  private async nextCorrectionTime(tx: Tx, callId: string): Promise<Date> {
    const latest = await tx.em.findOne(DutyCallCorrection, { callId }, { orderBy: { correctedAt: 'desc' }, fields: ['correctedAt'] });
    if (!latest || latest.correctedAt < tx.now) return tx.now;
    return new Date(latest.correctedAt.getTime() + 1);
  }

  async close(ctx: Context, input: CloseDutyCallInput): Promise<DutyCall> {
    return commit(ctx, 'closeDutyCall', input, async (tx) => {
      const note = optionalText('note', input.note, DUTY_CALL_TEXT_LIMITS.closeNote);
      const call = await this.lock(tx, input.callId);
      if (call.status === 'CLOSED') throw closed(call);
      call.status = 'CLOSED';
      call.closedAt = tx.now;
      call.closeNote = note;
      emitCall(tx, call, await this.forwardedUnitIds(tx.em, call.id), ['status']);
      return call;
    });
  }

  // ------------------------------------------------------------------------------ turning into other records

  /** Reports an incident from the call, with the call's outcome and both links, in one transaction. */
  async toIncident(ctx: Context, input: ConvertDutyCallToIncidentInput): Promise<DutyCall> {
    return commit(ctx, 'convertDutyCallToIncident', input, async (tx) => {
      const call = await this.lock(tx, input.callId);
      if (call.status === 'CLOSED') throw closed(call);
      const incident = await this.incidents.reportIn(
        tx,
        {
          title: input.title,
          description: input.description ?? call.summary,
          incidentClass: input.incidentClass,
          severity: call.urgency === 'CRITICAL' ? 'HIGH' : 'MEDIUM',
          location: input.location ?? '',
          // The call is when HQ had the report: its reporting deadline counts from then.
          // (A call logged long ago was reported then; its incident is reported now, as the rules allow.)
          reportedAt: reportedAtProblem(call.receivedAt, tx.now) ? tx.now : call.receivedAt,
        },
        { sourceCallId: call.id },
      );
      await this.incidents.linkToIncident(tx, incident.id, {
        entityType: 'DutyCall',
        entityId: call.id,
        summary: `值班记录 ${call.number}: ${call.callerName}`,
      });
      this.addOutcome(tx, call, { kind: 'INCIDENT', incidentId: incident.id, dispatchOrderId: null, label: incident.title });
      emitCall(tx, call, await this.forwardedUnitIds(tx.em, call.id), ['outcomes']);
      return call;
    });
  }

  /** Raises a dispatch order from the call (its `callId` is the call), with the outcome, in one transaction. */
  async toDispatchOrder(ctx: Context, input: ConvertDutyCallToDispatchOrderInput): Promise<DutyCall> {
    return commit(ctx, 'convertDutyCallToDispatchOrder', input, async (tx) => {
      const call = await this.lock(tx, input.callId);
      if (call.status === 'CLOSED') throw closed(call);
      const { callId, ...order } = input;
      const created = await this.orders.createIn(tx, { ...order, callId });
      this.addOutcome(tx, call, { kind: 'DISPATCH_ORDER', incidentId: null, dispatchOrderId: created.id, label: created.number });
      emitCall(tx, call, await this.forwardedUnitIds(tx.em, call.id), ['outcomes']);
      return call;
    });
  }

  private addOutcome(tx: Tx, call: DutyCall, outcome: Pick<DutyCallOutcome, 'kind' | 'incidentId' | 'dispatchOrderId' | 'label'>): void {
    tx.em.persist(
      tx.em.create(DutyCallOutcome, {
        callId: call.id,
        ...outcome,
        label: outcome.label.slice(0, 300),
        createdAt: tx.now,
        createdById: tx.viewer?.userId ?? null,
        createdByName: tx.viewer?.displayName ?? '',
      }),
    );
    call.updatedAt = tx.now;
  }

  // ------------------------------------------------------------------------------ read models for rules and the board

  /** Forwards still waiting for acknowledgement that went out at or before `cutoff`, oldest first; a closed call's no longer wait. */
  async unacknowledgedSince(em: EntityManager, cutoff: Date): Promise<{ forward: DutyCallForward; callNumber: string }[]> {
    const forwards = await em.find(
      DutyCallForward,
      { acknowledgedAt: null, forwardedAt: { $lte: cutoff } },
      { orderBy: { forwardedAt: 'asc', id: 'asc' }, limit: 500 },
    );
    if (forwards.length === 0) return [];
    const calls = await em.find(
      DutyCall,
      { id: { $in: [...new Set(forwards.map((f) => f.callId))] }, status: { $ne: 'CLOSED' } },
      { fields: ['id', 'number'] },
    );
    const numbers = new Map(calls.map((c) => [c.id, c.number]));
    return forwards.filter((f) => numbers.has(f.callId)).map((forward) => ({ forward, callNumber: numbers.get(forward.callId)! }));
  }

  /** Member units' names by id (for lines that name where a call was forwarded). */
  async unitNames(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.units.getMany(em, ids)).map((u) => [u.id, u.name]));
  }

  /** Calls logged but neither forwarded nor closed, oldest first: what a shift must not leave behind. */
  async openCalls(em: EntityManager): Promise<DutyCall[]> {
    return em.find(DutyCall, { status: 'OPEN' }, { orderBy: { receivedAt: 'asc', id: 'asc' }, limit: 500 });
  }

  /**
   * Calls forwarded (运转) to a member unit that were open at some moment of HQ day `day`:
   * forwarded before the day ended and not closed before it began. A unit's zero report on
   * such a day is flagged (coordination's daily reports read this through `unitOpenWork`).
   */
  async openForwardedToUnit(em: EntityManager, unitId: string, day: string): Promise<number> {
    const { start, end } = hqDayRange(day);
    const rows = await em.execute<{ count: string }[]>(
      `select count(distinct c.id) as count from duty_call c join duty_call_forward f on f.call_id = c.id
       where f.target_unit_id = ? and f.forwarded_at < ? and (c.closed_at is null or c.closed_at >= ?)`,
      [unitId, end, start],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Seconds from logging to first forward, for today's calls forwarded so far. */
  async loggedToForwardedSeconds(em: EntityManager, day: string): Promise<number[]> {
    const rows = await em.execute<{ seconds: number }[]>(
      `select extract(epoch from forwarded_at - logged_at)::float8 as seconds from duty_call
       where hq_day = ? and forwarded_at is not null`,
      [day],
    );
    return rows.map((r) => Number(r.seconds));
  }

  /** Locks the call for a change (NOT_FOUND when it is not there). */
  private async lock(tx: Tx, id: string): Promise<DutyCall> {
    const call = isUuid(id) ? await tx.em.findOne(DutyCall, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!call) throw notFound('Duty call', id);
    return call;
  }
}

function closed(call: DutyCall) {
  return domainError('INVALID_TRANSITION', `Call ${call.number} is closed; correct it if something was wrong.`, {
    reason: 'dutyCall/closed',
    status: call.status,
  });
}

function emitCall(tx: Tx, call: DutyCall, forwardedUnitIds: string[], changed: string[], kind: 'CREATED' | 'UPDATED' = 'UPDATED'): void {
  tx.emit({
    topic: DUTY_CALL_TOPIC,
    entityType: 'DutyCall',
    entityId: call.id,
    kind,
    payload: { number: call.number, status: call.status, forwardedUnitIds, changed },
  });
}
