import type { AlertService } from '../alerts/alert.service';
import type { FleetReadinessSource } from '../alerts/rules/fleet-readiness';
import type { IncidentService } from '../incidents/incident.service';
import { LeaderDashboardResolver } from './leader-dashboard.resolver';
import { LeaderDashboardService } from './leader-dashboard.service';

/** 带班领导: the leader on duty's board across the four working groups. Reads other modules' services only. */
export function createLeaderModule(deps: { incidents: IncidentService; alerts: AlertService; fleet?: FleetReadinessSource }) {
  const service = new LeaderDashboardService(deps.incidents, deps.alerts, deps.fleet);
  return {
    name: 'leader',
    entities: [],
    resolvers: [new LeaderDashboardResolver(service)],
    service,
  };
}
