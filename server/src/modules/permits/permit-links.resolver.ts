import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { hqDay } from '@cc/shared';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { VehicleAssignmentType, VehicleType } from '../dispatch/dispatch.types';
import type { VehicleAssignment } from '../dispatch/vehicle-assignment.entity';
import type { Vehicle } from '../dispatch/vehicle.entity';
import type { PermitFiguresService } from './permit-figures.service';
import type { PermitAssignmentLink } from './permit-assignment-link.entity';
import { AttachPermitInput, GrantStandingPermitInput, WithdrawStandingPermitInput } from './permit-links.inputs';
import type { PermitLinksService } from './permit-links.service';
import { LinkedPermitType, PermitFiguresType } from './permit-links.types';
import { linkedPermit } from './permit-links.view';

/** Permits on the dispatch side: attaching one to a job, standing permits of standby vehicles, the day's figures. */
@Resolver()
export class PermitLinksResolver {
  constructor(
    private readonly links: PermitLinksService,
    private readonly figures: PermitFiguresService,
  ) {}

  @Allow('attachablePermits')
  @Query(() => [LinkedPermitType], {
    description: 'Valid permits of the job’s vehicle whose cargo covers the job’s: what may be attached (the window is checked on attach).',
  })
  async attachablePermits(@Ctx() ctx: Context, @Arg('assignmentId', () => ID) assignmentId: string): Promise<LinkedPermitType[]> {
    const now = ctx.clock.now();
    return (await this.links.attachable(ctx.em, assignmentId, now)).map((p) => linkedPermit(p, now));
  }

  @Allow('standingPermitChoices')
  @Query(() => [LinkedPermitType], { description: 'Valid permits of the vehicle’s plate: what it may hold as its standing permit.' })
  async standingPermitChoices(@Ctx() ctx: Context, @Arg('vehicleId', () => ID) vehicleId: string): Promise<LinkedPermitType[]> {
    const now = ctx.clock.now();
    return (await this.links.standingChoices(ctx.em, vehicleId, now)).map((p) => linkedPermit(p, now));
  }

  @Allow('permitFigures')
  @Query(() => PermitFiguresType, {
    description: 'Permit requests filed, approved and rejected on an HQ day, by cargo kind (today when omitted).',
  })
  permitFigures(
    @Ctx() ctx: Context,
    @Arg('day', () => String, { nullable: true, description: 'YYYY-MM-DD, HQ time (UTC+8).' }) day?: string | null,
  ): Promise<PermitFiguresType> {
    return this.figures.day(ctx.em, day ?? hqDay(ctx.clock.now()));
  }

  @Allow('attachPermitToAssignment')
  @Mutation(() => VehicleAssignmentType, {
    description:
      'Attaches a permit to a vehicle’s job. Refused with typed reasons (permitLink/wrong_plate, cargo_incompatible, window_not_covered, revoked, expired, not_issued); an overlap with another valid permit of the vehicle is refused with PERMIT_OVERLAP unless confirmed with a reason.',
  })
  async attachPermitToAssignment(
    @Ctx() ctx: Context,
    @Arg('input', () => AttachPermitInput) input: AttachPermitInput,
  ): Promise<VehicleAssignment> {
    const link: PermitAssignmentLink = await this.links.attach(ctx, input);
    return (await this.links.assignment(ctx.em.fork(), link.assignmentId))!;
  }

  @Allow('grantStandingPermit')
  @Mutation(() => VehicleType, {
    description: 'Lets a standby vehicle hold a valid permit of its plate between jobs (replacing its current one).',
  })
  grantStandingPermit(
    @Ctx() ctx: Context,
    @Arg('input', () => GrantStandingPermitInput) input: GrantStandingPermitInput,
  ): Promise<Vehicle> {
    return this.links.grantStanding(ctx, input);
  }

  @Allow('withdrawStandingPermit')
  @Mutation(() => VehicleType, { description: 'Takes a vehicle’s standing permit away (the permit itself stays valid).' })
  withdrawStandingPermit(
    @Ctx() ctx: Context,
    @Arg('input', () => WithdrawStandingPermitInput) input: WithdrawStandingPermitInput,
  ): Promise<Vehicle> {
    return this.links.withdrawStanding(ctx, input);
  }
}
