import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MEETING_KINDS, MEETING_STATUSES, type DirectivePriority, type MeetingKind, type MeetingStatus } from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';
import { DirectiveAssigneeInput, DirectivePriorityEnum } from './coordination.types';

export const MeetingKindEnum = graphqlEnum(
  MEETING_KINDS,
  'MeetingKind',
  'The daily dispatch meeting (每日调度会) or a coordination meeting on a major issue (重大事项协调会议).',
);
export const MeetingStatusEnum = graphqlEnum(
  MEETING_STATUSES,
  'MeetingStatus',
  'REQUESTED by a unit → SCHEDULED → HELD (minutes recorded).',
);

@ObjectType('MeetingDecision', { description: 'A meeting’s decision (会议决定), append-only; it may become a directive.' })
export class MeetingDecisionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) meetingId!: string;
  @Field(() => String) content!: string;
  @Field(() => Date) decidedAt!: Date;
}

@ObjectType('Meeting', { description: '会议: the daily dispatch meeting or a coordination meeting, with agenda, minutes and decisions.' })
export class MeetingType {
  @Field(() => ID) id!: string;
  @Field(() => MeetingKindEnum) kind!: MeetingKind;
  @Field(() => MeetingStatusEnum) status!: MeetingStatus;
  @Field(() => String) title!: string;
  @Field(() => String) agenda!: string;
  @Field(() => String, { description: 'Who attends, as written by HQ.' }) attendees!: string;
  @Field(() => String) location!: string;
  @Field(() => Date, { nullable: true, description: 'Null while a unit’s request waits to be scheduled.' }) scheduledAt?: Date | null;
  @Field(() => String) minutes!: string;
  @Field(() => Date, { nullable: true }) heldAt?: Date | null;
  @Field(() => ID, { nullable: true, description: 'The member unit that requested it.' }) requestedByUnitId?: string | null;
  @Field(() => String) requestedByUnitName!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('MeetingChange', { description: 'One committed change of a meeting, with the meeting as it is now.' })
export class MeetingChangeType extends ChangeOf(() => MeetingType, 'meeting') {}

@InputType({ description: 'A member unit asks HQ for a coordination meeting on a major issue (重大事项协调会议).' })
export class RequestMeetingInput {
  @Field(() => String, { description: 'The issue; at most 200 characters.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'What to discuss; at most 4000 characters.' }) agenda?: string | null;
}

@InputType({ description: 'Schedules a meeting HQ calls, or a unit’s request (requestId).' })
export class ScheduleMeetingInput {
  @Field(() => ID, { nullable: true, description: 'The request to schedule.' }) requestId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'A member unit that asked for this coordination meeting some other way (by phone…): its liaison then follows it.',
  })
  forUnitId?: string | null;
  @Field(() => MeetingKindEnum) kind!: MeetingKind;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) agenda?: string | null;
  @Field(() => String, { nullable: true, description: 'Who attends; at most 1000 characters.' }) attendees?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => Date, { description: 'Within a day behind and 90 days ahead.' }) scheduledAt!: Date;
}

@InputType({ description: 'The minutes of a scheduled or held meeting, and decisions to append.' })
export class RecordMeetingMinutesInput {
  @Field(() => ID) meetingId!: string;
  @Field(() => String, { description: 'At most 20000 characters.' }) minutes!: string;
  @Field(() => [String], { nullable: true, description: 'New decisions, each at most 2000 characters; at most 20.' })
  decisions?: string[] | null;
}

@InputType({ description: 'Turns a meeting’s decision into a directive: who does it, by when.' })
export class CreateDirectiveFromDecisionInput {
  @Field(() => ID) decisionId!: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the decision’s words.' }) title?: string | null;
  @Field(() => String) ownerName!: string;
  @Field(() => Date) deadline!: Date;
  @Field(() => DirectivePriorityEnum, { defaultValue: 'ROUTINE' }) priority!: DirectivePriority;
  @Field(() => [DirectiveAssigneeInput]) assignees!: DirectiveAssigneeInput[];
}
