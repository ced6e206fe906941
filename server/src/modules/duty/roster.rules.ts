import { checkInWindow, DUTY_ROLES, HOUR_MS, MAX_SHIFT_HOURS, type DutyRole } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { domainError } from '../../core/errors';

/*
 * The roster's rules as pure functions: the service calls them inside its unit of work;
 * roster.rules.test.ts checks them without a server.
 */

export const SHIFT_NOTE_MAX = 200;
/** A roster read spans at most this long (the week view asks for 7 days and a margin). */
export const MAX_ROSTER_SPAN_DAYS = 31;

export interface ShiftDraft {
  startsAt: Date;
  endsAt: Date;
  note: string;
  members: { userId: string; role: DutyRole }[];
}

const bad = (message: string, reason: string, extensions: Record<string, unknown> = {}) =>
  domainError('BAD_USER_INPUT', message, { reason, ...extensions });

/** Checks a shift as planned: its times, its note and its members (each person at most once). */
export function validateShift(input: {
  startsAt: Date;
  endsAt: Date;
  note?: string | null;
  members: readonly { userId: string; role: string }[];
}): ShiftDraft {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()))
    throw bad('Give the shift a start and an end time.', 'dutyShift/bad_time', { field: 'startsAt' });
  if (endsAt.getTime() <= startsAt.getTime())
    throw bad('A shift must end after it starts; for a night shift, end it on the next day.', 'dutyShift/ends_before_start', {
      field: 'endsAt',
    });
  if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_HOURS * HOUR_MS)
    throw bad(`A shift lasts at most ${MAX_SHIFT_HOURS} hours; split a longer watch into several shifts.`, 'dutyShift/too_long', {
      field: 'endsAt',
      maxHours: MAX_SHIFT_HOURS,
    });
  const note = (input.note ?? '').trim();
  if (note.length > SHIFT_NOTE_MAX)
    throw bad(`Keep the note to ${SHIFT_NOTE_MAX} characters.`, 'dutyShift/note_too_long', { field: 'note', max: SHIFT_NOTE_MAX });
  if (input.members.length === 0)
    throw bad('Put at least one person on the shift: an officer (值班员) and a leader on duty (带班领导).', 'dutyShift/no_members', {
      field: 'members',
    });
  if (input.members.length > 30) throw bad('A shift has at most 30 members.', 'dutyShift/too_many_members', { field: 'members' });
  const seen = new Set<string>();
  const members: ShiftDraft['members'] = [];
  for (const member of input.members) {
    if (!isUuid(member.userId))
      throw bad(`No person ${member.userId}; pick them from the list.`, 'dutyShift/unknown_person', { userId: member.userId });
    if (!(DUTY_ROLES as readonly string[]).includes(member.role))
      throw bad(`A member is an OFFICER, LEADER or BACKUP, not ${member.role}.`, 'dutyShift/bad_role', { role: member.role });
    if (seen.has(member.userId))
      throw bad('The same person is on this shift twice; give each person one role per shift.', 'dutyShift/member_twice', {
        field: 'members',
        userId: member.userId,
      });
    seen.add(member.userId);
    members.push({ userId: member.userId, role: member.role as DutyRole });
  }
  return { startsAt, endsAt, note, members };
}

/** Refuses a check-in outside its window (30 minutes before the start until the end). */
export function assertCheckInOpen(shift: { startsAt: Date; endsAt: Date }, now: Date): void {
  const { opensAt, closesAt } = checkInWindow(shift);
  if (now.getTime() < opensAt.getTime())
    throw domainError('INVALID_TRANSITION', `Check-in for this shift opens at ${opensAt.toISOString()}, 30 minutes before it starts.`, {
      reason: 'dutyShift/check_in_not_open',
      opensAt: opensAt.toISOString(),
    });
  if (now.getTime() >= closesAt.getTime())
    throw domainError('INVALID_TRANSITION', 'This shift has ended; check-in is closed. Ask the leader to correct the roster.', {
      reason: 'dutyShift/check_in_closed',
      closedAt: closesAt.toISOString(),
    });
}

/** Refuses a roster read over a bad or too long span. */
export function validateSpan(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to.getTime() <= from.getTime())
    throw bad('Ask for the roster from a time to a later time.', 'dutyRoster/bad_span', { field: 'to' });
  if (to.getTime() - from.getTime() > MAX_ROSTER_SPAN_DAYS * 24 * HOUR_MS)
    throw bad(`Ask for at most ${MAX_ROSTER_SPAN_DAYS} days of the roster at once.`, 'dutyRoster/span_too_long', {
      maxDays: MAX_ROSTER_SPAN_DAYS,
    });
}
