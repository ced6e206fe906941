import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { permitEffectiveUntil, permitStatusAt, type PermitStatus } from '@cc/shared';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { MemberUnitType } from '../identity/identity.types';
import type { MemberUnit } from '../identity/member-unit.entity';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { PermitRequest } from './permit-request.entity';
import type { Page, PermitRequestService } from './permit-request.service';
import {
  ApprovePermitRequestInput,
  AskPermitRequestInfoInput,
  FilePermitRequestInput,
  PermitRequestIdInput,
  RejectPermitRequestInput,
  ResubmitPermitRequestInput,
  RevokeTrafficPermitInput,
} from './permits.inputs';
import { PERMIT_REQUEST_TOPIC, TRAFFIC_PERMIT_TOPIC } from './permits.events';
import { permitsPolicy } from './permits.policy';
import {
  PermitQueuePageType,
  PermitRequestChangeType,
  PermitRequestPageType,
  PermitRequestType,
  PermitStatusEnum,
  TrafficPermitChangeType,
  TrafficPermitPageType,
  TrafficPermitType,
} from './permits.types';
import type { TrafficPermit } from './traffic-permit.entity';
import type { TrafficPermitService } from './traffic-permit.service';

/** HQ sees every request and permit; a unit liaison only their unit's (the payload names the unit, so no read is needed). */
const requestChanges = liveChanges({
  operation: 'permitRequestChanged',
  topic: PERMIT_REQUEST_TOPIC,
  canSee: (viewer, event) => permitsPolicy.canSee(viewer, event.payload.unitId),
});
const permitChanges = liveChanges({
  operation: 'trafficPermitChanged',
  topic: TRAFFIC_PERMIT_TOPIC,
  canSee: (viewer, event) => permitsPolicy.canSee(viewer, event.payload.unitId),
});

/** 通行证: filing and reviewing requests, issued permits and their revocation. */
@Resolver()
export class PermitsResolver {
  constructor(
    private readonly requests: PermitRequestService,
    private readonly permits: TrafficPermitService,
    private readonly units: MemberUnitService,
  ) {}

  @Allow('permitQueue')
  @Query(() => PermitQueuePageType, {
    description: '待审批: requests waiting for review, green channel (三不一优先) first, then the longest waiting.',
  })
  permitQueue(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ) {
    return this.requests.queue(ctx.em, first, offset);
  }

  @Allow('permitRequest')
  @Query(() => PermitRequestType, { nullable: true, description: 'One request; null when it does not exist or is not yours to see.' })
  permitRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<PermitRequest | null> {
    return nullIfNotFound(this.requests.get(ctx.em, ctx.viewer, id));
  }

  @Allow('myPermitRequests')
  @Query(() => PermitRequestPageType, { description: 'Your unit’s requests, newest first, whatever their status.' })
  myPermitRequests(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<Page<PermitRequest>> {
    return this.requests.list(ctx.em, ctx.viewer, first, offset);
  }

  @Allow('permitUnits')
  @Query(() => [MemberUnitType], { description: 'Active member units that may sponsor a request, by code.' })
  async permitUnits(@Ctx() ctx: Context): Promise<MemberUnit[]> {
    return (await this.units.list(ctx.em)).filter((unit) => unit.active);
  }

  @Allow('trafficPermits')
  @Query(() => TrafficPermitPageType, { description: 'Issued permits, newest first, searched by number, plate or applicant.' })
  trafficPermits(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true, description: 'Part of a number, a plate or an applicant’s name.' })
    search: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ) {
    return this.permits.list(ctx.em, ctx.viewer, search, first, offset);
  }

  @Allow('trafficPermit')
  @Query(() => TrafficPermitType, { nullable: true, description: 'One permit by id or number; null when not there or not yours to see.' })
  trafficPermit(@Ctx() ctx: Context, @Arg('idOrNumber', () => String) idOrNumber: string): Promise<TrafficPermit | null> {
    return nullIfNotFound(this.permits.get(ctx.em, ctx.viewer, idOrNumber));
  }

  @Allow('filePermitRequest')
  @Mutation(() => PermitRequestType, {
    description: 'Files a request; it joins the review queue. Send an Idempotency-Key: a retry files once.',
  })
  filePermitRequest(@Ctx() ctx: Context, @Arg('input', () => FilePermitRequestInput) input: FilePermitRequestInput) {
    return this.requests.file(ctx, input);
  }

  @Allow('resubmitPermitRequest')
  @Mutation(() => PermitRequestType, { description: 'Answers HQ’s question; the request goes back into the queue.' })
  resubmitPermitRequest(@Ctx() ctx: Context, @Arg('input', () => ResubmitPermitRequestInput) input: ResubmitPermitRequestInput) {
    return this.requests.resubmit(ctx, input);
  }

  @Allow('withdrawPermitRequest')
  @Mutation(() => PermitRequestType, { description: '撤回: a request not yet decided.' })
  withdrawPermitRequest(@Ctx() ctx: Context, @Arg('input', () => PermitRequestIdInput) input: PermitRequestIdInput) {
    return this.requests.withdraw(ctx, input);
  }

  @Allow('approvePermitRequest')
  @Mutation(() => TrafficPermitType, { description: '审批: approves and issues the permit; the window may be narrowed, never widened.' })
  approvePermitRequest(@Ctx() ctx: Context, @Arg('input', () => ApprovePermitRequestInput) input: ApprovePermitRequestInput) {
    return this.requests.approve(ctx, input);
  }

  @Allow('rejectPermitRequest')
  @Mutation(() => PermitRequestType, { description: '驳回 with a reason.' })
  rejectPermitRequest(@Ctx() ctx: Context, @Arg('input', () => RejectPermitRequestInput) input: RejectPermitRequestInput) {
    return this.requests.reject(ctx, input);
  }

  @Allow('askPermitRequestInfo')
  @Mutation(() => PermitRequestType, { description: 'Asks the applicant for more information (补充材料).' })
  askPermitRequestInfo(@Ctx() ctx: Context, @Arg('input', () => AskPermitRequestInfoInput) input: AskPermitRequestInfoInput) {
    return this.requests.askInfo(ctx, input);
  }

  @Allow('revokeTrafficPermit')
  @Mutation(() => TrafficPermitType, { description: '吊销: the permit is invalid from now on, for good.' })
  revokeTrafficPermit(@Ctx() ctx: Context, @Arg('input', () => RevokeTrafficPermitInput) input: RevokeTrafficPermitInput) {
    return this.permits.revoke(ctx, input);
  }

  @Allow('permitRequestChanged')
  @Subscription(() => PermitRequestChangeType, {
    nullable: true,
    description: 'Every committed request change after `after`, then live. A unit liaison receives only their unit’s.',
    subscribe: requestChanges.subscribe,
  })
  permitRequestChanged(
    @Root() event: EventRecord<typeof PERMIT_REQUEST_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<PermitRequest> | null> {
    return requestChanges.resolve(event, (e) => nullIfNotFound(this.requests.get(ctx.em, ctx.viewer, e.entityId)));
  }

  @Allow('trafficPermitChanged')
  @Subscription(() => TrafficPermitChangeType, {
    nullable: true,
    description: 'Every permit issued or revoked after `after`, then live. A unit liaison receives only their unit’s.',
    subscribe: permitChanges.subscribe,
  })
  trafficPermitChanged(
    @Root() event: EventRecord<typeof TRAFFIC_PERMIT_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<TrafficPermit> | null> {
    return permitChanges.resolve(event, (e) => nullIfNotFound(this.permits.get(ctx.em, ctx.viewer, e.entityId)));
  }
}

/** A permit's derived status and effective end, at the request's time; the response's end is read once per request. */
@Resolver(() => TrafficPermitType)
export class TrafficPermitFields {
  private readonly responseEnds = new WeakMap<object, Promise<Date | null>>();

  constructor(private readonly permits: TrafficPermitService) {}

  private responseEnd(ctx: Context): Promise<Date | null> {
    let end = this.responseEnds.get(ctx.em);
    if (!end) {
      end = this.permits.responseEndOf(ctx.em);
      this.responseEnds.set(ctx.em, end);
    }
    return end;
  }

  @FieldResolver(() => PermitStatusEnum, { description: 'Derived now: from the window, the revocation and the response’s end.' })
  async status(@Root() permit: TrafficPermit, @Ctx() ctx: Context): Promise<PermitStatus> {
    return permitStatusAt(
      { validFrom: permit.validFrom, validUntil: permit.validUntil, revokedAt: permit.revokedAt ?? null },
      ctx.clock.now(),
      await this.responseEnd(ctx),
    );
  }

  @FieldResolver(() => Date, { description: 'When it stops being valid: its end, or the emergency response’s end if earlier.' })
  async effectiveUntil(@Root() permit: TrafficPermit, @Ctx() ctx: Context): Promise<Date> {
    return permitEffectiveUntil(permit.validUntil, await this.responseEnd(ctx));
  }
}
