import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The figures on the leader on duty's board, each contributed by the module that owns them.
 * A module adds its own by declaration merging, next to where it computes them:
 *
 *   declare module '../../core/leader-figures' {
 *     interface LeaderFigures { fleetReady: number | null }
 *   }
 *
 * and lists the computation as its manifest's `leaderFigures`. The leader module only merges
 * the contributions; it knows no other module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LeaderFigures {}

/** The moment the board is read for, and the start of that HQ day (the window of "today" figures). */
export interface LeaderFiguresWindow {
  now: Date;
  todayStartsAt: Date;
}

/**
 * One module's contribution: its own figures, read on its own fork of the request's EntityManager,
 * and the next moment the clock alone will change one of them (an incident reaching its deadline),
 * so the board is read again then without polling; the board takes the earliest of these.
 */
export type LeaderFiguresSource = (
  em: EntityManager,
  window: LeaderFiguresWindow,
) => Promise<Partial<LeaderFigures> & { nextClockChangeAt?: Date }>;

/** One module's several contributions as one (each read on its own fork); the earliest clock change wins. */
export function combineLeaderFigures(...sources: readonly LeaderFiguresSource[]): LeaderFiguresSource {
  return async (em, window) => {
    const parts = await Promise.all(sources.map((source) => source(em.fork(), window)));
    const times = parts.flatMap((p) => (p.nextClockChangeAt ? [p.nextClockChangeAt.getTime()] : []));
    const merged = Object.assign({}, ...parts) as Partial<LeaderFigures> & { nextClockChangeAt?: Date };
    if (times.length > 0) merged.nextClockChangeAt = new Date(Math.min(...times));
    return merged;
  };
}
