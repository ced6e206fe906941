import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Allow } from '../graphql/allow';
import { EventPositionScalar } from '../graphql/scalars';

@Resolver()
export class RealtimeResolver {
  @Allow('livePosition')
  @Query(() => EventPositionScalar, {
    description: 'The newest event position this server has delivered. Read it with a board query, then subscribe after it: nothing is missed in between.',
  })
  livePosition(@Ctx() ctx: Context): bigint {
    return ctx.hub.head;
  }
}
