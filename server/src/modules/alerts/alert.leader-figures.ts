import { ALERT_LEVELS, type AlertLevel } from '@cc/shared';
import type { LeaderFiguresSource } from '../../core/leader-figures';
import type { AlertService } from './alert.service';

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Standing (raised or acknowledged) alerts per level, across all groups. */
    alertsByLevel: { level: AlertLevel; count: number }[];
  }
}

/** The alerts standing now, on the leader's board. */
export function alertLeaderFigures(alerts: AlertService): LeaderFiguresSource {
  return async (em) => {
    const counts = await alerts.standingByLevel(em.fork());
    return { alertsByLevel: ALERT_LEVELS.map((level) => ({ level, count: counts[level] })) };
  };
}
