import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What the readiness rules read from the dispatch module (its FleetService provides it):
 * ready (STANDBY) vehicles per company against the quota, and in all against the floor.
 */
export interface FleetReadinessSource {
  readinessByCompany(em: EntityManager): Promise<{
    readyCount: number;
    readyFloor: number;
    companies: readonly { id: string; code: string; name: string; readyCount: number; standbyQuota: number }[];
  }>;
}
