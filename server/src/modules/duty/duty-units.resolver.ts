import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { MemberUnitType } from '../identity/identity.types';
import type { MemberUnit } from '../identity/member-unit.entity';
import type { MemberUnitService } from '../identity/member-unit.service';

/**
 * The member units the duty desk names a caller's unit from and forwards calls to (运转). Not
 * identity's `memberUnits`: that one is the administrators' list (it opens their page).
 */
@Resolver()
export class DutyUnitsResolver {
  constructor(private readonly units: MemberUnitService) {}

  @Allow('dutyMemberUnits')
  @Query(() => [MemberUnitType], { description: 'Active member units, by code: a caller’s unit, and who a call can be forwarded to.' })
  async dutyMemberUnits(@Ctx() ctx: Context): Promise<MemberUnit[]> {
    return (await this.units.list(ctx.em)).filter((unit) => unit.active);
  }
}
