import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { MEETING_TOPIC } from './coordination.events';
import { DirectiveType } from './coordination.types';
import type { Directive } from './directive.entity';
import type { DirectiveService } from './directive.service';
import type { Meeting, MeetingDecision } from './meeting.entity';
import { canSeeMeeting, type MeetingService } from './meeting.service';
import {
  CreateDirectiveFromDecisionInput,
  MeetingChangeType,
  MeetingDecisionType,
  MeetingType,
  RecordMeetingMinutesInput,
  RequestMeetingInput,
  ScheduleMeetingInput,
} from './meeting.types';

/** HQ hears of every meeting; a liaison of the meetings their unit requested (the payload says which, no read). */
const meetingChanges = liveChanges({
  operation: 'meetingChanged',
  topic: MEETING_TOPIC,
  canSee: (viewer, event) => canSeeMeeting(viewer, event.payload.requestedByUnitId),
});

/** Meetings (会议组织承办): scheduling, a unit's request, minutes and decisions, a decision made a directive. */
@Resolver()
export class MeetingResolver {
  constructor(private readonly service: MeetingService) {}

  @Allow('meetings')
  @Query(() => [MeetingType], { description: 'Requests waiting first, then by time, newest first; a liaison sees their unit’s requests.' })
  meetings(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number) {
    return this.service.list(ctx.em, ctx.viewer, first);
  }

  @Allow('meeting')
  @Query(() => MeetingType)
  meeting(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Meeting> {
    return this.service.get(ctx.em, ctx.viewer, id);
  }

  @Allow('requestMeeting')
  @Mutation(() => MeetingType, {
    description: 'A member unit’s liaison asks for a coordination meeting on a major issue (重大事项协调会议).',
  })
  requestMeeting(@Ctx() ctx: Context, @Arg('input', () => RequestMeetingInput) input: RequestMeetingInput): Promise<Meeting> {
    return this.service.request(ctx, input);
  }

  @Allow('scheduleMeeting')
  @Mutation(() => MeetingType, { description: 'Schedules the daily dispatch meeting, a coordination meeting, or a unit’s request.' })
  scheduleMeeting(@Ctx() ctx: Context, @Arg('input', () => ScheduleMeetingInput) input: ScheduleMeetingInput): Promise<Meeting> {
    return this.service.schedule(ctx, input);
  }

  @Allow('recordMeetingMinutes')
  @Mutation(() => MeetingType, { description: 'Records the minutes and appends decisions; the meeting is then held.' })
  recordMeetingMinutes(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordMeetingMinutesInput) input: RecordMeetingMinutesInput,
  ): Promise<Meeting> {
    return this.service.recordMinutes(ctx, input);
  }

  @Allow('createDirectiveFromDecision')
  @Mutation(() => DirectiveType, {
    description: 'Turns a meeting’s decision into a directive (origin MEETING, the link kept). A decision already converted is a CONFLICT.',
  })
  createDirectiveFromDecision(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateDirectiveFromDecisionInput) input: CreateDirectiveFromDecisionInput,
  ): Promise<Directive> {
    return this.service.decisionToDirective(ctx, input);
  }

  @Allow('meetingChanged')
  @Subscription(() => MeetingChangeType, {
    nullable: true,
    description: 'Every committed meeting change after `after`, then live.',
    subscribe: meetingChanges.subscribe,
  })
  meetingChanged(
    @Root() event: EventRecord<typeof MEETING_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<Meeting> | null> {
    return meetingChanges.resolve(event, (e) => nullIfNotFound(this.service.get(ctx.em, ctx.viewer, e.entityId)));
  }
}

const decisionLoaders = new WeakMap<EntityManager, DataLoader<string, MeetingDecision[]>>();

@Resolver(() => MeetingType)
export class MeetingFields {
  constructor(private readonly service: MeetingService) {}

  @FieldResolver(() => [MeetingDecisionType], { description: 'Oldest first.' })
  async decisions(
    @Root() meeting: Meeting,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'The first n decisions.' }) first: number,
  ): Promise<MeetingDecision[]> {
    let loader = decisionLoaders.get(ctx.em);
    if (!loader) {
      const em = ctx.em;
      loader = new DataLoader(async (ids) => {
        const rows = await this.service.decisionsOf(em, ids);
        return ids.map((id) => rows.filter((r) => r.meetingId === id));
      });
      decisionLoaders.set(ctx.em, loader);
    }
    return (await loader.load(meeting.id)).slice(0, Math.max(first, 0));
  }
}

@Resolver(() => MeetingDecisionType)
export class MeetingDecisionFields {
  constructor(private readonly directives: DirectiveService) {}

  @FieldResolver(() => ID, { nullable: true, description: 'The directive this decision became, if any.' })
  async directiveId(@Root() decision: MeetingDecision, @Ctx() ctx: Context): Promise<string | null> {
    const [directive] = await this.directives.ofDecisions(ctx.em, [decision.id]);
    return directive?.id ?? null;
  }
}
