import type { EntityManager } from '@mikro-orm/postgresql';
import { hqDay, hqDayRange, startOfHqDay } from '@cc/shared';
import type { LeaderFigures, LeaderFiguresSource } from '../../core/leader-figures';
import type { LeaderDashboardType } from './leader-dashboard.types';

/**
 * What the board shows for a module that is not there (or contributes nothing yet): empty
 * lists, zero, and null where the schema says "null without the module".
 */
const NO_FIGURES: LeaderFigures = {
  openIncidents: [],
  incidentsByClass: [],
  incidentsPastDeadline: 0,
  incidentAcknowledgeTimes: { count: 0, p50Seconds: null, p90Seconds: null },
  alertsByLevel: [],
  vehiclesReady: [],
  fleetReady: null,
  fleetReadyFloor: null,
  dutyCallForwardTimes: { count: 0, p50Seconds: null, p90Seconds: null },
  dutyOnDuty: null,
  rosterUncoveredHours: null,
  rosterFirstUncoveredAt: null,
  directivesOpen: null,
  directivesOverdue: null,
  dailyReportsMissingToday: null,
  permitsWaiting: null,
  permitsOldestWaitingSince: null,
  stockAtRiskCount: null,
  stockAtRisk: [],
};

/**
 * Merges the figures every module contributes (its manifest's `leaderFigures`); owns no data
 * and knows no other module. A new module's figures join by contributing, not by an edit here.
 */
export class LeaderDashboardService {
  constructor(private readonly sources: () => readonly LeaderFiguresSource[]) {}

  async dashboard(em: EntityManager, now: Date): Promise<LeaderDashboardType> {
    const todayStartsAt = startOfHqDay(now);
    const parts = await Promise.all(this.sources().map((source) => source(em, { now, todayStartsAt })));
    // Today's figures start again when the HQ day turns; a module may name an earlier moment.
    let nextClockChangeAt = hqDayRange(hqDay(now)).end;
    for (const { nextClockChangeAt: at } of parts) if (at && at > now && at < nextClockChangeAt) nextClockChangeAt = at;
    const figures = Object.assign({}, NO_FIGURES, ...parts.map(({ nextClockChangeAt: _, ...own }) => own)) as LeaderFigures;
    return { generatedAt: now, todayStartsAt, nextClockChangeAt, ...figures };
  }
}
