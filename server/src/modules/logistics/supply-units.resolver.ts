import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { MemberUnitType } from '../identity/identity.types';
import type { MemberUnit } from '../identity/member-unit.entity';
import type { MemberUnitService } from '../identity/member-unit.service';

/** The member units stock is issued to, reserved for (定点捐赠) or channelled to (专物专用). */
@Resolver()
export class SupplyUnitsResolver {
  constructor(private readonly units: MemberUnitService) {}

  @Allow('supplyMemberUnits')
  @Query(() => [MemberUnitType], { description: 'Active member units, by code: recipients of issues and of directed donations.' })
  async supplyMemberUnits(@Ctx() ctx: Context): Promise<MemberUnit[]> {
    return (await this.units.list(ctx.em)).filter((unit) => unit.active);
  }
}
