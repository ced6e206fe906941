import { companyBelowStandbyQuotaRule } from './company-below-standby-quota.rule';
import type { FleetReadinessSource } from './fleet-readiness';
import { fleetReadyBelowFloorRule } from './fleet-ready-below-floor.rule';

/** The transport group's readiness rules, over the dispatch module's fleet (registered by the composition root). */
export function transportReadinessRules(fleet: FleetReadinessSource) {
  return [companyBelowStandbyQuotaRule(fleet), fleetReadyBelowFloorRule(fleet)];
}
