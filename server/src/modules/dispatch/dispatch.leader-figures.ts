import type { LeaderFiguresSource } from '../../core/leader-figures';
import type { FleetReadinessSource } from './alert-rules/fleet-readiness';

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Vehicles ready (on standby) per transport company, against its quota. */
    vehiclesReady: { companyId: string; code: string; name: string; ready: number; quota: number }[];
    /** Ready vehicles across the fleet; null without the dispatch module. */
    fleetReady: number | null;
    fleetReadyFloor: number | null;
  }
}

/** The transport group's figures on the leader's board: the fleet's readiness. */
export function dispatchLeaderFigures(fleet: FleetReadinessSource): LeaderFiguresSource {
  return async (em) => {
    const readiness = await fleet.readinessByCompany(em.fork());
    return {
      vehiclesReady: readiness.companies.map((c) => ({
        companyId: c.id,
        code: c.code,
        name: c.name,
        ready: c.readyCount,
        quota: c.standbyQuota,
      })),
      fleetReady: readiness.readyCount,
      fleetReadyFloor: readiness.readyFloor,
    };
  };
}
