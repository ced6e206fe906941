import type { EntityManager } from '@mikro-orm/postgresql';
import { startOfHqDay } from '@cc/shared';
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
    return Object.assign({ generatedAt: now, todayStartsAt }, NO_FIGURES, ...parts);
  }
}
