import type { Tx } from '../../core/unit-of-work';
import type { DispatchJobsService } from '../dispatch/dispatch-jobs.service';
import type { FleetService } from '../dispatch/fleet.service';
import { permitOutlivedByJobRule } from './alert-rules/permit-outlived-by-job.rule';
import { PermitAssignmentLinkSchema } from './permit-assignment-link.entity';
import { PermitFiguresService } from './permit-figures.service';
import { AssignmentPermitFields, VehiclePermitFields } from './permit-links.fields';
import { PERMIT_LINK_TOPIC } from './permit-links.events';
import { permitLeaderFigures } from './permit-links.leader-figures';
import { PermitLinksResolver } from './permit-links.resolver';
import { PermitLinksService, type OverlapConfirmation } from './permit-links.service';
import { PermitOverlapConfirmationSchema } from './permit-overlap-confirmation.entity';
import { permitFacts, permitRecords } from './permit-records.sql';
import type { ResponseEnd } from './permit-request.service';
import type { TrafficPermit } from './traffic-permit.entity';
import { Migration0013PermitLinks } from './migrations/0013-permit-links';
import { StandingPermitSchema } from './standing-permit.entity';

/**
 * The permits module's links to dispatch (issue 21), as parts of its manifest: the module's
 * index.ts spreads them into its description, so this half of the module stays in its own files.
 */
export function permitLinksParts(deps: { responseEnd: ResponseEnd; jobs: DispatchJobsService; fleet: FleetService }) {
  const records = permitRecords(deps.responseEnd);
  const links = new PermitLinksService(records, deps.jobs, deps.fleet);
  const figures = new PermitFiguresService(records);
  return {
    links,
    figures,
    /** The approval's one call: a permit about to be issued that overlaps another valid one needs confirming. */
    beforeIssue: async (tx: Tx, permit: TrafficPermit, input: OverlapConfirmation) =>
      links.assertOverlapConfirmedIn(tx, permitFacts(permit, await deps.responseEnd(tx.em)), 'APPROVE', input),
    entities: [PermitAssignmentLinkSchema, StandingPermitSchema, PermitOverlapConfirmationSchema],
    resolvers: [new PermitLinksResolver(links, figures), new VehiclePermitFields(links), new AssignmentPermitFields(links)],
    migrations: [{ name: '0013-permit-links', class: Migration0013PermitLinks }],
    topics: [PERMIT_LINK_TOPIC],
    alertRules: [permitOutlivedByJobRule(links)],
    leaderFigures: permitLeaderFigures(figures),
  };
}
