import { HOUR_MS, startOfHour, uncoveredHours } from '@cc/shared';
import type { LeaderFiguresSource } from '../../core/leader-figures';
import type { RosterService } from './roster.service';

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Who is on duty now, by name; null without the duty module. */
    dutyOnDuty: { officers: string[]; leaders: string[]; backups: string[] } | null;
    /** Whole hours in the next 24 with no officer or no leader on the roster; null without the duty module. */
    rosterUncoveredHours: number | null;
    /** The first of them. */
    rosterFirstUncoveredAt: Date | null;
  }
}

/** The duty group's roster figures on the leader's board: who is on duty now and the gaps ahead. */
export function rosterLeaderFigures(roster: RosterService): LeaderFiguresSource {
  return async (em, { now }) => {
    const from = startOfHour(now);
    const to = new Date(from.getTime() + 24 * HOUR_MS);
    const shifts = await roster.shiftsOverlapping(em.fork(), now, to);
    const running = shifts.filter((s) => s.startsAt.getTime() <= now.getTime() && s.endsAt.getTime() > now.getTime());
    const names = (role: string) => [
      ...new Set(running.flatMap((s) => s.members.filter((m) => m.role === role).map((m) => m.displayName))),
    ];
    const gaps = uncoveredHours(shifts, from, to);
    // Who is on duty changes at the next shift boundary; the 24-hour window moves on each hour.
    const boundaries = shifts.flatMap((s) => [s.startsAt.getTime(), s.endsAt.getTime()]).filter((t) => t > now.getTime());
    const nextClockChangeAt = new Date(Math.min(from.getTime() + HOUR_MS, ...boundaries));
    return {
      dutyOnDuty: { officers: names('OFFICER'), leaders: names('LEADER'), backups: names('BACKUP') },
      rosterUncoveredHours: gaps.length,
      rosterFirstUncoveredAt: gaps[0]?.at ?? null,
      nextClockChangeAt,
    };
  };
}
