import { defineModule } from '../../core/module';
import type { DispatchJobsService } from '../dispatch/dispatch-jobs.service';
import type { FleetService } from '../dispatch/fleet.service';
import type { MemberUnitService } from '../identity/member-unit.service';
import { permitRequestWaitingRule } from './alert-rules/permit-request-waiting.rule';
import { Migration0012TrafficPermits } from './migrations/0012-traffic-permits';
import { permitLinksParts } from './permit-links.parts';
import { PermitRequestSchema } from './permit-request.entity';
import { PermitRequestService, type DutyCallLookup, type ResponseEnd } from './permit-request.service';
import { PERMIT_REQUEST_TOPIC, TRAFFIC_PERMIT_TOPIC } from './permits.events';
import { createPermitVerification, type PermitVerificationOptions } from './permit-verification';
import { PermitRequestFields, PermitsResolver, TrafficPermitFields } from './permits.resolver';
import { TrafficPermitSchema } from './traffic-permit.entity';
import { PermitRegistry, TrafficPermitService } from './traffic-permit.service';

export interface PermitsModuleDeps {
  units: MemberUnitService;
  /** The duty module's calls: a request filed from a duty-phone call names it. */
  calls: DutyCallLookup;
  /** When the emergency response ended (null while it runs): no permit is valid after it. */
  responseEnd: ResponseEnd;
  /** Dispatch's jobs and fleet: a permit attaches to a vehicle's job, a standby vehicle holds a standing permit. */
  jobs: DispatchJobsService;
  fleet: FleetService;
  /** The permit signing keyring and the public check's rate (configuration); a throwaway key when absent. */
  verification?: PermitVerificationOptions;
}

/**
 * 通行证: traffic-permit requests, their review (green channel first), the permits issued and their
 * revocation (issue 21). Other modules read issued permits through `registry` (public verification,
 * the revocation list, dispatch links), never through its tables. Its links to dispatch (a job's
 * permit, standing permits, overlaps, the figures) are `permit-links.*`, joined here as parts.
 */
export function createPermitsModule(deps: PermitsModuleDeps) {
  const linked = permitLinksParts({ responseEnd: deps.responseEnd, jobs: deps.jobs, fleet: deps.fleet });
  const requests = new PermitRequestService(deps.units, deps.calls, deps.responseEnd, linked.beforeIssue);
  const permits = new TrafficPermitService(deps.responseEnd);
  const registry = new PermitRegistry(deps.responseEnd);
  const verification = createPermitVerification(registry, permits, deps.verification);
  return defineModule(
    {
      name: 'permits',
      workingGroup: 'TRANSPORT',
      entities: [PermitRequestSchema, TrafficPermitSchema, ...linked.entities],
      resolvers: [
        new PermitsResolver(requests, permits, deps.units),
        new PermitRequestFields(permits),
        new TrafficPermitFields(permits),
        ...linked.resolvers,
        ...verification.resolvers,
      ],
      migrations: [{ name: '0012-traffic-permits', class: Migration0012TrafficPermits }, ...linked.migrations],
      topics: [PERMIT_REQUEST_TOPIC, TRAFFIC_PERMIT_TOPIC, ...linked.topics],
      alertRules: [permitRequestWaitingRule(requests), ...linked.alertRules],
      leaderFigures: linked.leaderFigures,
      httpRoutes: verification.httpRoutes,
    },
    { requests, permits, registry, verification, links: linked.links, permitFigures: linked.figures },
  );
}
