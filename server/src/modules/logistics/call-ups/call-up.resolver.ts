import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../../core/context';
import { Allow } from '../../../core/graphql/allow';
import { EventPositionScalar } from '../../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../../core/realtime/live-changes';
import type { EventRecord } from '../../../core/realtime/topics';
import type { CallUp, CallUpStep, SupportRequest } from './call-up.entity';
import { CALL_UP_TOPIC } from './call-up.events';
import type { CallUpService } from './call-up.service';
import {
  AdvanceCallUpInput,
  CallUpChangeType,
  CallUpStepType,
  CallUpType,
  OpenCallUpInput,
  RecordSupportIntakeInput,
  RequestSupplySupportInput,
  SupportRequestType,
  WithdrawSupportRequestInput,
} from './call-up.types';

const callUpChanges = liveChanges({ operation: 'callUpChanged', topic: CALL_UP_TOPIC, canSee: () => true });

/** Emergency supply call-ups (plan 5): the procedure, its steps, its requests to the level above. */
@Resolver()
export class CallUpResolver {
  constructor(private readonly service: CallUpService) {}

  @Allow('callUps')
  @Query(() => [CallUpType], { description: 'Call-ups, newest first.' })
  callUps(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 200.' }) first: number,
  ): Promise<CallUp[]> {
    return this.service.list(ctx.em, first);
  }

  @Allow('callUp')
  @Query(() => CallUpType)
  callUp(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CallUp> {
    return this.service.get(ctx.em, id);
  }

  @Allow('openCallUp')
  @Mutation(() => CallUpType, { description: 'Opens a call-up on own stock (本级调用).' })
  openCallUp(@Ctx() ctx: Context, @Arg('input', () => OpenCallUpInput) input: OpenCallUpInput): Promise<CallUp> {
    return this.service.open(ctx, input);
  }

  @Allow('advanceCallUp')
  @Mutation(() => CallUpType, { description: 'The next step, with what was done; the response ends only when no request above is open.' })
  advanceCallUp(@Ctx() ctx: Context, @Arg('input', () => AdvanceCallUpInput) input: AdvanceCallUpInput): Promise<CallUp> {
    return this.service.advance(ctx, input);
  }

  @Allow('requestSupplySupport')
  @Mutation(() => CallUpType, { description: '请求支援: asks the level above for an item.' })
  requestSupplySupport(
    @Ctx() ctx: Context,
    @Arg('input', () => RequestSupplySupportInput) input: RequestSupplySupportInput,
  ): Promise<CallUp> {
    return this.service.requestSupport(ctx, input);
  }

  @Allow('recordSupportIntake')
  @Mutation(() => CallUpType, { description: 'Counts a stocked intake from above towards a request; covered, the request closes.' })
  recordSupportIntake(@Ctx() ctx: Context, @Arg('input', () => RecordSupportIntakeInput) input: RecordSupportIntakeInput): Promise<CallUp> {
    return this.service.recordIntake(ctx, input);
  }

  @Allow('withdrawSupportRequest')
  @Mutation(() => CallUpType)
  withdrawSupportRequest(
    @Ctx() ctx: Context,
    @Arg('input', () => WithdrawSupportRequestInput) input: WithdrawSupportRequestInput,
  ): Promise<CallUp> {
    return this.service.withdrawRequest(ctx, input);
  }

  @Allow('callUpChanged')
  @Subscription(() => CallUpChangeType, {
    nullable: true,
    description: 'Every committed call-up change after `after`, then live.',
    subscribe: callUpChanges.subscribe,
  })
  callUpChanged(
    @Root() event: EventRecord<typeof CALL_UP_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<CallUp> | null> {
    return callUpChanges.resolve(event, (e) => nullIfNotFound(this.service.get(ctx.em, e.entityId)));
  }
}

@Resolver(() => CallUpType)
export class CallUpFields {
  constructor(private readonly service: CallUpService) {}

  @FieldResolver(() => [CallUpStepType], { description: 'Every step, oldest first.' })
  async steps(
    @Root() callUp: CallUp,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: 'A call-up has four stages; a few notes more at most.' }) first: number,
  ): Promise<CallUpStep[]> {
    return (await this.service.steps(ctx.em, callUp.id)).slice(0, Math.max(first, 0));
  }

  @FieldResolver(() => [SupportRequestType])
  async supportRequests(
    @Root() callUp: CallUp,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): Promise<SupportRequest[]> {
    return (await this.service.requests(ctx.em, callUp.id)).slice(0, Math.max(first, 0));
  }
}
