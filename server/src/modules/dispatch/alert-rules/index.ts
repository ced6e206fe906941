import { companyBelowStandbyQuotaRule } from './company-below-standby-quota.rule';
import type { FleetReadinessSource } from './fleet-readiness';
import { fleetReadyBelowFloorRule } from './fleet-ready-below-floor.rule';

/** The transport group's readiness rules, over the dispatch module's fleet (listed in the dispatch manifest's alertRules). */
export function transportReadinessRules(fleet: FleetReadinessSource) {
  return [companyBelowStandbyQuotaRule(fleet), fleetReadyBelowFloorRule(fleet)];
}
