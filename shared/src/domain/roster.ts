/**
 * 排班表: the duty roster's rules shared by the server (its alert rules, the leader's board) and
 * the console (the week view's 空岗 highlight). Times are instants; "hours" are whole HQ hours
 * (UTC+8 has no daylight saving, and whole-hour offsets make an HQ hour a UTC hour).
 */

/** 值班员 answers the phone; 带班领导 is accountable for the shift; 备班 stands by to step in. */
export const DUTY_ROLES = ['OFFICER', 'LEADER', 'BACKUP'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/** Every hour needs these on duty (不得空岗脱岗; 主要领导带班制度). */
export const REQUIRED_DUTY_ROLES = ['OFFICER', 'LEADER'] as const satisfies readonly DutyRole[];
export type RequiredDutyRole = (typeof REQUIRED_DUTY_ROLES)[number];

/** How long a shift may last: a 24-hour watch plus a handover overlap. */
export const MAX_SHIFT_HOURS = 26;
/** A member may check in from this long before the shift starts until it ends. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 30;

export const HOUR_MS = 3_600_000;

export interface RosterShift {
  startsAt: Date;
  endsAt: Date;
  members: readonly { role: DutyRole }[];
}

export interface UncoveredHour {
  /** The hour's start. */
  at: Date;
  /** Which required roles nobody holds for the whole hour, in REQUIRED_DUTY_ROLES order. */
  missing: RequiredDutyRole[];
}

/** The start of the whole hour an instant falls in (HQ hours are UTC hours: the offset is whole). */
export function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/**
 * Each whole hour in [from, to) (from is rounded down to its hour) in which no single shift
 * covering the whole hour has an OFFICER, or none has a LEADER: the hours with what is missing.
 * A shift covers an hour only from its start to its end, so a shift ending at 08:30 does not
 * cover 08:00–09:00; shifts crossing HQ midnight count on both days.
 */
export function uncoveredHours(shifts: readonly RosterShift[], from: Date, to: Date): UncoveredHour[] {
  const uncovered: UncoveredHour[] = [];
  for (let start = startOfHour(from).getTime(); start < to.getTime(); start += HOUR_MS) {
    const end = start + HOUR_MS;
    const covering = shifts.filter((s) => s.startsAt.getTime() <= start && s.endsAt.getTime() >= end);
    const missing = REQUIRED_DUTY_ROLES.filter((role) => !covering.some((s) => s.members.some((m) => m.role === role)));
    if (missing.length > 0) uncovered.push({ at: new Date(start), missing });
  }
  return uncovered;
}

export interface UncoveredStretch {
  from: Date;
  /** The end of its last hour. */
  to: Date;
  hours: number;
  missing: RequiredDutyRole[];
}

/** Consecutive uncovered hours missing the same roles, as one stretch each. */
export function uncoveredStretches(hours: readonly UncoveredHour[]): UncoveredStretch[] {
  const stretches: UncoveredStretch[] = [];
  for (const hour of hours) {
    const last = stretches[stretches.length - 1];
    if (last && last.to.getTime() === hour.at.getTime() && last.missing.join() === hour.missing.join()) {
      last.to = new Date(hour.at.getTime() + HOUR_MS);
      last.hours += 1;
    } else {
      stretches.push({ from: hour.at, to: new Date(hour.at.getTime() + HOUR_MS), hours: 1, missing: [...hour.missing] });
    }
  }
  return stretches;
}

/** Whether a member may check in at `now`: from 30 minutes before the start until the end. */
export function checkInWindow(shift: { startsAt: Date; endsAt: Date }): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(shift.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000), closesAt: shift.endsAt };
}

export function canCheckIn(shift: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  const { opensAt, closesAt } = checkInWindow(shift);
  return now.getTime() >= opensAt.getTime() && now.getTime() < closesAt.getTime();
}
