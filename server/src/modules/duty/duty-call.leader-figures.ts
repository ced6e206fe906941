import { hqDay } from '@cc/shared';
import type { LeaderFiguresSource } from '../../core/leader-figures';
import { percentiles } from './duty-call.rules';
import type { DutyCallService } from './duty-call.service';

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Today: a duty call logged → first forwarded (运转), seconds. */
    dutyCallForwardTimes: { count: number; p50Seconds: number | null; p90Seconds: number | null };
  }
}

/** The duty group's call figure on the leader's board: how fast calls are passed on today. */
export function dutyCallLeaderFigures(calls: DutyCallService): LeaderFiguresSource {
  return async (em, { now }) => ({
    dutyCallForwardTimes: percentiles(await calls.loggedToForwardedSeconds(em, hqDay(now))),
  });
}
