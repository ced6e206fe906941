import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Allow } from '../graphql/allow';
import { EventPositionScalar } from '../graphql/scalars';

@Resolver()
export class RealtimeResolver {
  @Allow('livePosition')
  @Query(() => EventPositionScalar, {
    description:
      'The newest event position this server has delivered. Read it with a board query, then subscribe after it: nothing is missed in between.',
  })
  livePosition(
    @Ctx() ctx: Context,
    @Arg('topic', () => String, { nullable: true, description: 'One topic (e.g. "incident"): the newest position of that topic only.' })
    topic?: string | null,
  ): bigint {
    return topic ? ctx.hub.headOf(topic) : ctx.hub.head;
  }
}
