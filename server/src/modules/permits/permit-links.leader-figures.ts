import type { LeaderFiguresSource } from '../../core/leader-figures';
import type { PermitFiguresService } from './permit-figures.service';

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Permit requests waiting for review now; null without the permits module. */
    permitsWaiting: number | null;
    /** When the oldest of them was filed (the console counts the wait up from it); null when none wait. */
    permitsOldestWaitingSince: Date | null;
  }
}

/** The transport group's permit figures on the leader's board: the review queue's length and its oldest wait. */
export function permitLeaderFigures(figures: PermitFiguresService): LeaderFiguresSource {
  return async (em, { now }) => {
    const waiting = await figures.waiting(em.fork(), now);
    return { permitsWaiting: waiting.count, permitsOldestWaitingSince: waiting.oldestSince };
  };
}
