import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { RESPONSE_LEVEL_TOPIC } from './coordination.events';
import {
  PersonRefType,
  ResponseLevelChangeEventType,
  ResponseLevelChangeType,
  ResponseLevelStateType,
  SetResponseLevelInput,
} from './coordination.types';
import type { ResponseLevelChange } from './response-level.entity';
import type { CurrentResponse, ResponseLevelService } from './response-level.service';

/** Every console's header shows the level: everyone signed in hears of each change. */
const responseLevelChanges = liveChanges({ operation: 'responseLevelChanged', topic: RESPONSE_LEVEL_TOPIC });

/** The HQ's response level (应急响应级别): the current one, its history, a leader setting it, the live stream. */
@Resolver()
export class ResponseLevelResolver {
  constructor(private readonly levels: ResponseLevelService) {}

  @Allow('responseLevel')
  @Query(() => ResponseLevelStateType, { description: 'The HQ’s response level now, and since when.' })
  responseLevel(@Ctx() ctx: Context): Promise<CurrentResponse> {
    return this.levels.current(ctx.em);
  }

  @Allow('responseLevelHistory')
  @Query(() => [ResponseLevelChangeType], { description: 'Every change of the response level, newest first.' })
  responseLevelHistory(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number) {
    return this.levels.history(ctx.em, first);
  }

  @Allow('setResponseLevel')
  @Mutation(() => ResponseLevelChangeType, {
    description: 'A leader sets the response level (or ends the response). Setting the level it already is is refused with CONFLICT.',
  })
  setResponseLevel(
    @Ctx() ctx: Context,
    @Arg('input', () => SetResponseLevelInput) input: SetResponseLevelInput,
  ): Promise<ResponseLevelChange> {
    return this.levels.set(ctx, input);
  }

  @Allow('responseLevelChanged')
  @Subscription(() => ResponseLevelChangeEventType, {
    nullable: true,
    description: 'Every change of the response level after `after`, then live.',
    subscribe: responseLevelChanges.subscribe,
  })
  responseLevelChanged(
    @Root() event: EventRecord<typeof RESPONSE_LEVEL_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<ResponseLevelChange> | null> {
    return responseLevelChanges.resolve(event, (e) => this.levels.get(ctx.em, e.entityId));
  }
}

@Resolver(() => ResponseLevelChangeType)
export class ResponseLevelChangeFields {
  @FieldResolver(() => PersonRefType, { nullable: true, description: 'The leader who set it.' })
  setBy(@Root() change: ResponseLevelChange): PersonRefType | null {
    return change.setById ? { id: change.setById, displayName: change.setByName } : null;
  }
}
