import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import type { DutyCallForward } from './duty-call-forward.entity';
import type { DutyCall } from './duty-call.entity';
import {
  AcknowledgeDutyForwardInput,
  ClaimDutyCallInput,
  CloseDutyCallInput,
  ConvertDutyCallToDispatchOrderInput,
  ConvertDutyCallToIncidentInput,
  CorrectDutyCallInput,
  DutyLogFilter,
  ForwardDutyCallInput,
  LogDutyCallInput,
} from './duty-call.inputs';
import { dutyCallPolicy } from './duty-call.policy';
import type { DutyCallService, DutyLogPage } from './duty-call.service';
import { DutyCallChangeType, DutyCallForwardType, DutyCallSuggestionsType, DutyCallType, DutyLogPageType } from './duty-call.types';
import { DUTY_CALL_TOPIC } from './duty.events';

/** HQ sees every call; a unit liaison only calls forwarded to their unit (the payload names the units, so no read is needed). */
const dutyCallChanges = liveChanges({
  operation: 'dutyCallChanged',
  topic: DUTY_CALL_TOPIC,
  canSee: (viewer, event) => dutyCallPolicy.canSeeCall(viewer, event.payload.forwardedUnitIds),
});

/** 值班记录: the duty phone's call log, its forwarding (运转) and what calls are turned into. */
@Resolver()
export class DutyCallResolver {
  constructor(private readonly calls: DutyCallService) {}

  @Allow('dutyLog')
  @Query(() => DutyLogPageType, {
    description: 'A day’s calls (today when no day is given), newest first, filtered and paged on the server.',
  })
  dutyLog(
    @Ctx() ctx: Context,
    @Arg('filter', () => DutyLogFilter, { nullable: true }) filter: DutyLogFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<DutyLogPage> {
    return this.calls.log(ctx.em, ctx.viewer, filter, first, offset, ctx.clock.now());
  }

  @Allow('dutyCall')
  @Query(() => DutyCallType, { nullable: true, description: 'One call; null when it does not exist or is not yours to see.' })
  dutyCall(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<DutyCall | null> {
    return nullIfNotFound(this.calls.get(ctx.em, ctx.viewer, id));
  }

  @Allow('dutyCallSuggestions')
  @Query(() => DutyCallSuggestionsType, {
    description: 'Recent callers (by name or phone) and free-text units starting with what was typed.',
  })
  dutyCallSuggestions(@Ctx() ctx: Context, @Arg('prefix', () => String) prefix: string) {
    return this.calls.suggestions(ctx.em, prefix, ctx.clock.now());
  }

  @Allow('dutyForwardInbox')
  @Query(() => [DutyCallForwardType], { description: 'Forwards to your working group(s) or unit, waiting ones first, newest first.' })
  dutyForwardInbox(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
  ): Promise<DutyCallForward[]> {
    return this.calls.inbox(ctx.em, ctx.viewer, first);
  }

  @Allow('logDutyCall')
  @Mutation(() => DutyCallType, {
    description: 'Logs a call; it gets the next ZB-yyyymmdd-nnn of the HQ day. Send an Idempotency-Key: a retry logs once.',
  })
  logDutyCall(@Ctx() ctx: Context, @Arg('input', () => LogDutyCallInput) input: LogDutyCallInput): Promise<DutyCall> {
    return this.calls.logCall(ctx, input);
  }

  @Allow('claimDutyCall')
  @Mutation(() => DutyCallType, {
    description: 'Takes a call; if another officer has it, CONFLICT (reason dutyCall/already_claimed) names them.',
  })
  claimDutyCall(@Ctx() ctx: Context, @Arg('input', () => ClaimDutyCallInput) input: ClaimDutyCallInput): Promise<DutyCall> {
    return this.calls.claim(ctx, input);
  }

  @Allow('forwardDutyCall')
  @Mutation(() => DutyCallType, { description: '运转: forwards the call to working groups and/or member units.' })
  forwardDutyCall(@Ctx() ctx: Context, @Arg('input', () => ForwardDutyCallInput) input: ForwardDutyCallInput): Promise<DutyCall> {
    return this.calls.forward(ctx, input);
  }

  @Allow('acknowledgeDutyForward')
  @Mutation(() => DutyCallType, { description: 'The receiving group or unit confirms it has the forwarded call.' })
  acknowledgeDutyForward(
    @Ctx() ctx: Context,
    @Arg('input', () => AcknowledgeDutyForwardInput) input: AcknowledgeDutyForwardInput,
  ): Promise<DutyCall> {
    return this.calls.acknowledge(ctx, input);
  }

  @Allow('correctDutyCall')
  @Mutation(() => DutyCallType, {
    description: 'Appends a correction of one field; the call shows the new value and keeps every correction.',
  })
  correctDutyCall(@Ctx() ctx: Context, @Arg('input', () => CorrectDutyCallInput) input: CorrectDutyCallInput): Promise<DutyCall> {
    return this.calls.correct(ctx, input);
  }

  @Allow('closeDutyCall')
  @Mutation(() => DutyCallType, { description: '办结: the call needs nothing more.' })
  closeDutyCall(@Ctx() ctx: Context, @Arg('input', () => CloseDutyCallInput) input: CloseDutyCallInput): Promise<DutyCall> {
    return this.calls.close(ctx, input);
  }

  @Allow('convertDutyCallToIncident')
  @Mutation(() => DutyCallType, { description: 'Reports an incident from the call; both records and both links, or nothing.' })
  convertDutyCallToIncident(
    @Ctx() ctx: Context,
    @Arg('input', () => ConvertDutyCallToIncidentInput) input: ConvertDutyCallToIncidentInput,
  ): Promise<DutyCall> {
    return this.calls.toIncident(ctx, input);
  }

  @Allow('convertDutyCallToDispatchOrder')
  @Mutation(() => DutyCallType, { description: 'Raises a dispatch order from the call; both records and both links, or nothing.' })
  convertDutyCallToDispatchOrder(
    @Ctx() ctx: Context,
    @Arg('input', () => ConvertDutyCallToDispatchOrderInput) input: ConvertDutyCallToDispatchOrderInput,
  ): Promise<DutyCall> {
    return this.calls.toDispatchOrder(ctx, input);
  }

  @Allow('dutyCallChanged')
  @Subscription(() => DutyCallChangeType, {
    nullable: true,
    description: 'Every committed call change after `after`, then live. A unit liaison receives only calls forwarded to their unit.',
    subscribe: dutyCallChanges.subscribe,
  })
  dutyCallChanged(
    @Root() event: EventRecord<typeof DUTY_CALL_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<DutyCall> | null> {
    return dutyCallChanges.resolve(event, (e) => nullIfNotFound(this.calls.get(ctx.em, ctx.viewer, e.entityId)));
  }
}
