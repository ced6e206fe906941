import { defineModule } from '../../core/module';
import type { DispatchJobsService } from '../dispatch/dispatch-jobs.service';
import type { FleetService } from '../dispatch/fleet.service';
import { permitLinksParts } from './permit-links.parts';
import { sqlPermitRecords } from './permit-records.sql';

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export function createPermitsModule(deps: { jobs: DispatchJobsService; fleet: FleetService }) {
  const linked = permitLinksParts({ records: sqlPermitRecords, jobs: deps.jobs, fleet: deps.fleet });
  return defineModule(
    {
      name: 'permits',
      workingGroup: 'TRANSPORT',
      entities: [...linked.entities],
      resolvers: [...linked.resolvers],
      migrations: [...linked.migrations],
      topics: [...linked.topics],
      alertRules: [...linked.alertRules],
      leaderFigures: linked.leaderFigures,
    },
    { links: linked.links, permitFigures: linked.figures },
  );
}
