import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { unauthenticated } from '../../core/errors';
import { Allow } from '../../core/graphql/allow';
import { CreateMemberUnitInput, UpdateMemberUnitInput } from './identity.inputs';
import { MemberUnitType } from './identity.types';
import type { MemberUnit } from './member-unit.entity';
import type { MemberUnitService } from './member-unit.service';

/** 成员单位: administrators keep the list; a liaison may read their own unit. */
@Resolver(() => MemberUnitType)
export class MemberUnitResolver {
  constructor(private readonly units: MemberUnitService) {}

  @Allow('memberUnits')
  @Query(() => [MemberUnitType], { description: 'Every member unit, active first.' })
  memberUnits(@Ctx() ctx: Context): Promise<MemberUnit[]> {
    return this.units.list(ctx.em);
  }

  @Allow('memberUnit')
  @Query(() => MemberUnitType, { description: 'One member unit. A unit liaison sees only their own; others answer NOT_FOUND.' })
  memberUnit(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<MemberUnit> {
    if (!ctx.viewer) throw unauthenticated();
    return this.units.getVisible(ctx.em, ctx.viewer, id);
  }

  @Allow('createMemberUnit')
  @Mutation(() => MemberUnitType)
  createMemberUnit(@Ctx() ctx: Context, @Arg('input', () => CreateMemberUnitInput) input: CreateMemberUnitInput): Promise<MemberUnit> {
    return this.units.create(ctx, input);
  }

  @Allow('updateMemberUnit')
  @Mutation(() => MemberUnitType, { description: 'Renames or (de)activates a unit; its code stays.' })
  updateMemberUnit(@Ctx() ctx: Context, @Arg('input', () => UpdateMemberUnitInput) input: UpdateMemberUnitInput): Promise<MemberUnit> {
    return this.units.update(ctx, input);
  }
}
