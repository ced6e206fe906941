import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HOUR_MS, type DutyRole, type Role } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context } from '../../core/context';
import { domainError, forbidden, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import { DUTY_SHIFT_TOPIC } from './duty.events';
import type { CreateDutyShiftInput, UpdateDutyShiftInput } from './roster.inputs';
import { DutyShift, DutyShiftMember } from './roster.entity';
import { assertCheckInOpen, validateShift, validateSpan, type ShiftDraft } from './roster.rules';

/** What the roster needs to know about people; identity's UserService provides it. */
export interface RosterPeople {
  list(
    em: EntityManager,
  ): Promise<readonly { id: string; username: string; displayName: string; roles: readonly Role[]; active: boolean }[]>;
  namesOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, { username: string; displayName: string }>>;
}

export interface DutyShiftMemberView {
  id: string;
  userId: string;
  displayName: string;
  role: DutyRole;
  checkedInAt: Date | null;
}

/** A shift as the API and the rules see it: times, members with names. */
export interface DutyShiftView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  note: string;
  version: number;
  members: DutyShiftMemberView[];
  deleted: boolean;
}

const ROLE_ORDER: Readonly<Record<DutyRole, number>> = { LEADER: 0, OFFICER: 1, BACKUP: 2 };

/**
 * 排班表: shifts and their members, check-in, and the small port other modules use (the alerts
 * module's escalation order: `leadersInEscalationOrder`). Nobody else reads these tables.
 */
export class RosterService {
  constructor(private readonly people: RosterPeople) {}

  /** The first `limit` shifts overlapping [from, to), by start. */
  async roster(em: EntityManager, from: Date, to: Date, limit: number): Promise<DutyShiftView[]> {
    validateSpan(from, to);
    return (await this.shiftsOverlapping(em, from, to)).slice(0, Math.min(Math.max(limit, 1), 200));
  }

  /** The same without the span check: for the rules and the board, which choose their own windows. */
  async shiftsOverlapping(em: EntityManager, from: Date, to: Date): Promise<DutyShiftView[]> {
    const shifts = await em.find(
      DutyShift,
      { startsAt: { $lt: to }, endsAt: { $gt: from } },
      { orderBy: { startsAt: 'asc', id: 'asc' }, limit: 2_000 },
    );
    return this.views(em, shifts);
  }

  async shift(em: EntityManager, id: string): Promise<DutyShiftView | null> {
    const shift = isUuid(id) ? await em.findOne(DutyShift, { id }) : null;
    return shift ? ((await this.views(em, [shift]))[0] ?? null) : null;
  }

  /** Active HQ staff (a unit's liaison keeps no HQ watch), leaders marked. */
  async candidates(em: EntityManager): Promise<{ id: string; displayName: string; leader: boolean }[]> {
    const everyone = await this.people.list(em);
    return everyone
      .filter((u) => u.active && u.roles.some((r) => r !== 'UNIT_LIAISON'))
      .map((u) => ({ id: u.id, displayName: u.displayName, leader: u.roles.includes('LEADER') }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
  }

  async create(ctx: Context, input: CreateDutyShiftInput): Promise<DutyShiftView> {
    const draft = validateShift(input);
    const id = await commit(ctx, 'createDutyShift', input, async (tx) => {
      await this.assertMembersMayServe(tx, draft);
      const shift = tx.em.create(DutyShift, {
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        note: draft.note,
        createdById: tx.viewer?.userId ?? null,
      });
      tx.em.persist(shift);
      for (const m of draft.members)
        tx.em.persist(tx.em.create(DutyShiftMember, { shiftId: shift.id, userId: m.userId, role: m.role, checkedInAt: null }));
      emitShift(tx, shift, 'CREATED', ['created']);
      return shift.id;
    });
    return this.mustRead(ctx.em.fork(), id);
  }

  async update(ctx: Context, input: UpdateDutyShiftInput): Promise<DutyShiftView> {
    const draft = validateShift(input);
    await commit(ctx, 'updateDutyShift', input, async (tx) => {
      const shift = await this.lockShift(tx, input.id);
      if (input.expectedVersion != null && shift.version !== input.expectedVersion) throw staleShift(shift);
      await this.assertMembersMayServe(tx, draft);
      const existing = await tx.em.find(DutyShiftMember, { shiftId: shift.id });
      const wanted = new Map(draft.members.map((m) => [m.userId, m.role]));
      for (const member of existing) {
        const role = wanted.get(member.userId);
        if (role === undefined) tx.em.remove(member);
        else if (member.role !== role) member.role = role;
        wanted.delete(member.userId);
      }
      for (const [userId, role] of wanted)
        tx.em.persist(tx.em.create(DutyShiftMember, { shiftId: shift.id, userId, role, checkedInAt: null }));
      shift.startsAt = draft.startsAt;
      shift.endsAt = draft.endsAt;
      shift.note = draft.note;
      // A change of members alone is a change of the shift: its version moves too.
      shift.updatedAt = new Date();
      emitShift(tx, shift, 'UPDATED', ['details', 'members']);
    });
    return this.mustRead(ctx.em.fork(), input.id);
  }

  /** Removes a planned shift; one somebody checked in to is history and stays. */
  async remove(ctx: Context, shiftId: string): Promise<DutyShiftView> {
    return commit(ctx, 'deleteDutyShift', { shiftId }, async (tx) => {
      const shift = await this.lockShift(tx, shiftId);
      const [view] = await this.views(tx.em, [shift]);
      if (view!.members.some((m) => m.checkedInAt))
        throw domainError(
          'INVALID_TRANSITION',
          'Someone has already checked in to this shift, so it stays on the roster; edit its end time or members instead.',
          { reason: 'dutyShift/checked_in', shiftId },
        );
      for (const member of await tx.em.find(DutyShiftMember, { shiftId: shift.id })) tx.em.remove(member);
      tx.em.remove(shift);
      emitShift(tx, shift, 'DELETED', ['deleted']);
      return { ...view!, deleted: true };
    });
  }

  /** 签到: the signed-in member checks in to their shift, from 30 minutes before it starts to its end. */
  async checkIn(ctx: Context, shiftId: string): Promise<DutyShiftView> {
    await commit(ctx, 'checkInDutyShift', { shiftId }, async (tx) => {
      const shift = await this.lockShift(tx, shiftId);
      const member = tx.viewer ? await tx.em.findOne(DutyShiftMember, { shiftId: shift.id, userId: tx.viewer.userId }) : null;
      if (!member) throw forbidden('You are not on this shift; only its own members check in. Ask the leader to add you to the roster.');
      assertCheckInOpen(shift, tx.now);
      if (member.checkedInAt) return; // a second press changes nothing
      member.checkedInAt = tx.now;
      shift.updatedAt = new Date();
      emitShift(tx, shift, 'UPDATED', ['checkIn']);
    });
    return this.mustRead(ctx.em.fork(), shiftId);
  }

  /** Who is on duty at `at`: the members of every shift running then. */
  async onDutyAt(em: EntityManager, at: Date): Promise<DutyShiftView[]> {
    const running = await this.shiftsOverlapping(em, at, new Date(at.getTime() + 1));
    return running.filter((s) => s.startsAt.getTime() <= at.getTime() && s.endsAt.getTime() > at.getTime());
  }

  /**
   * The port the alerts module escalates along (it never reads these tables): the leader on duty
   * at `at` first, then the backups of the shifts running then, then the leader of the next
   * shift to start. The alerts module adds every other leader after these.
   */
  async leadersInEscalationOrder(em: EntityManager, at: Date): Promise<string[]> {
    const running = await this.onDutyAt(em, at);
    const upcoming = (await this.shiftsOverlapping(em, at, new Date(at.getTime() + 26 * HOUR_MS)))
      .filter((s) => s.startsAt.getTime() > at.getTime())
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const order: string[] = [];
    const add = (id: string) => void (order.includes(id) || order.push(id));
    for (const s of running) for (const m of s.members) if (m.role === 'LEADER') add(m.userId);
    for (const s of running) for (const m of s.members) if (m.role === 'BACKUP') add(m.userId);
    const next = upcoming[0];
    if (next) for (const m of next.members) if (m.role === 'LEADER') add(m.userId);
    return order;
  }

  // ---- helpers ----

  private async views(em: EntityManager, shifts: readonly DutyShift[]): Promise<DutyShiftView[]> {
    if (shifts.length === 0) return [];
    const members = await em.find(DutyShiftMember, { shiftId: { $in: shifts.map((s) => s.id) } });
    const names = await this.people.namesOf(
      em,
      members.map((m) => m.userId),
    );
    return shifts.map((shift) => ({
      id: shift.id,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      note: shift.note,
      version: shift.version,
      deleted: false,
      members: members
        .filter((m) => m.shiftId === shift.id)
        .map((m) => ({
          id: m.id,
          userId: m.userId,
          displayName: names.get(m.userId)?.displayName ?? m.userId,
          role: m.role,
          checkedInAt: m.checkedInAt ?? null,
        }))
        .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.displayName.localeCompare(b.displayName, 'zh-CN')),
    }));
  }

  private async mustRead(em: EntityManager, id: string): Promise<DutyShiftView> {
    const view = await this.shift(em, id);
    if (!view) throw notFound('Duty shift', id);
    return view;
  }

  private async lockShift(tx: Tx, id: string): Promise<DutyShift> {
    const shift = isUuid(id) ? await tx.em.findOne(DutyShift, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!shift) throw notFound('Duty shift', id);
    return shift;
  }

  /** Members are active HQ staff; the leader on duty (带班领导) holds the LEADER role. */
  private async assertMembersMayServe(tx: Tx, draft: ShiftDraft): Promise<void> {
    const everyone = new Map((await this.people.list(tx.em)).map((u) => [u.id, u]));
    for (const member of draft.members) {
      const person = everyone.get(member.userId);
      if (!person || !person.active)
        throw domainError('BAD_USER_INPUT', `No active person ${member.userId}; pick the member from the list.`, {
          reason: 'dutyShift/unknown_person',
          userId: member.userId,
        });
      if (!person.roles.some((r) => r !== 'UNIT_LIAISON'))
        throw domainError('BAD_USER_INPUT', `${person.displayName} is a member unit's liaison and keeps no HQ watch.`, {
          reason: 'dutyShift/not_hq_staff',
          userId: member.userId,
        });
      if (member.role === 'LEADER' && !person.roles.includes('LEADER'))
        throw domainError(
          'BAD_USER_INPUT',
          `${person.displayName} is not a leader; the leader on duty (带班领导) must hold the leader role. Put them on as officer or backup.`,
          { reason: 'dutyShift/leader_role_required', userId: member.userId },
        );
    }
  }
}

function emitShift(tx: Tx, shift: DutyShift, kind: 'CREATED' | 'UPDATED' | 'DELETED', changed: string[]): void {
  tx.emit({
    topic: DUTY_SHIFT_TOPIC,
    entityType: 'DutyShift',
    entityId: shift.id,
    kind,
    payload: { startsAt: shift.startsAt.toISOString(), endsAt: shift.endsAt.toISOString(), changed },
  });
}

function staleShift(shift: DutyShift) {
  return domainError('CONFLICT', 'Someone changed this shift after you opened it; reload the roster and plan again.', {
    reason: 'dutyShift/stale',
    currentVersion: shift.version,
  });
}
