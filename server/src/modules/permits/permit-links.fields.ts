import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { VehicleAssignmentType, VehicleType } from '../dispatch/dispatch.types';
import { permitLinkLoaders } from './permit-links.loaders';
import type { PermitLinksService } from './permit-links.service';
import { AssignmentPermitType, StandingPermitType } from './permit-links.types';
import { linkedPermit } from './permit-links.view';

/*
 * The permits shown on dispatch's own types: a standby vehicle's standing permit on the board,
 * the permit a vehicle travels under on its job. Resolved here, from the permits module's
 * records; dispatch's types stay as they were.
 */

@Resolver(() => VehicleType)
export class VehiclePermitFields {
  constructor(private readonly links: PermitLinksService) {}

  @FieldResolver(() => StandingPermitType, { nullable: true, description: 'The permit it holds between jobs (长期通行证), if any.' })
  async standingPermit(@Root() vehicle: { id: string }, @Ctx() ctx: Context): Promise<StandingPermitType | null> {
    const loaders = permitLinkLoaders(ctx.em, this.links);
    const standing = await loaders.standingByVehicle.load(vehicle.id);
    const permit = standing ? await loaders.permit.load(standing.permitId) : null;
    if (!standing || !permit) return null;
    return { permit: linkedPermit(permit, ctx.clock.now()), grantedAt: standing.grantedAt, grantedByName: standing.grantedByName };
  }
}

@Resolver(() => VehicleAssignmentType)
export class AssignmentPermitFields {
  constructor(private readonly links: PermitLinksService) {}

  @FieldResolver(() => AssignmentPermitType, { nullable: true, description: 'The permit the vehicle travels under on this job, if any.' })
  async permit(@Root() assignment: { id: string }, @Ctx() ctx: Context): Promise<AssignmentPermitType | null> {
    const loaders = permitLinkLoaders(ctx.em, this.links);
    const link = await loaders.linkByAssignment.load(assignment.id);
    const permit = link ? await loaders.permit.load(link.permitId) : null;
    if (!link || !permit) return null;
    return {
      permit: linkedPermit(permit, ctx.clock.now()),
      expectedEndAt: link.expectedEndAt,
      attachedAt: link.attachedAt,
      attachedByName: link.attachedByName,
    };
  }
}
