import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  DUTY_CALL_CATEGORIES,
  DUTY_CALL_OUTCOME_KINDS,
  DUTY_CALL_STATUSES,
  DUTY_CALL_URGENCIES,
  type DutyCallCategory,
  type DutyCallOutcomeKind,
  type DutyCallStatus,
  type DutyCallUrgency,
  type WorkingGroup,
} from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';
import { MemberUnitType } from '../identity/identity.types';
import { PersonRefType, WorkingGroupEnum } from '../incidents/incident.types';

/*
 * The call log's API. Root resolvers return the entities; people are built from the names kept
 * on the rows, and the relations (unit, forwards, outcomes, corrections) are field resolvers
 * batched per request (duty-call.loaders.ts), so a page of 50 calls costs one query per level.
 */

export const DutyCallCategoryEnum = graphqlEnum(
  DUTY_CALL_CATEGORIES,
  'DutyCallCategory',
  '疫情报告 物资需求 运输/送诊 通行证咨询 信访 指挥部指示 其他.',
);
export const DutyCallUrgencyEnum = graphqlEnum(DUTY_CALL_URGENCIES, 'DutyCallUrgency', '一般 ROUTINE, 紧急 URGENT, 特急 CRITICAL.');
export const DutyCallStatusEnum = graphqlEnum(DUTY_CALL_STATUSES, 'DutyCallStatus', '待运转 OPEN, 已运转 FORWARDED, 已办结 CLOSED.');
export const DutyCallOutcomeKindEnum = graphqlEnum(DUTY_CALL_OUTCOME_KINDS, 'DutyCallOutcomeKind', 'What a call was turned into.');

@ObjectType('DutyCall', { description: '值班记录: one call to the duty phone. Changed after logging only by appended corrections.' })
export class DutyCallType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'ZB-yyyymmdd-nnn: per HQ day of logging, gap-free.' }) number!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Date) loggedAt!: Date;
  @Field(() => String) callerName!: string;
  @Field(() => String, { nullable: true }) callerPhone?: string | null;
  @Field(() => String, { nullable: true, description: 'The caller’s unit as free text, when it is not a member unit.' })
  unitText?: string | null;
  @Field(() => DutyCallCategoryEnum) category!: DutyCallCategory;
  @Field(() => DutyCallUrgencyEnum) urgency!: DutyCallUrgency;
  @Field(() => String) summary!: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => DutyCallStatusEnum) status!: DutyCallStatus;
  @Field(() => Date, { nullable: true }) claimedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'First forwarded (运转).' }) forwardedAt?: Date | null;
  @Field(() => Date, { nullable: true }) closedAt?: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('DutyCallForward', { description: '运转: a call passed to a working group or a member unit, and its acknowledgement.' })
export class DutyCallForwardType {
  @Field(() => ID) id!: string;
  @Field(() => ID) callId!: string;
  @Field(() => WorkingGroupEnum, { nullable: true, description: 'The receiving working group, or null when a member unit receives it.' })
  targetGroup?: WorkingGroup | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Date) forwardedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt?: Date | null;
  @Field(() => String, { nullable: true }) acknowledgementNote?: string | null;
}

@ObjectType('DutyCallOutcome', { description: 'A record the call was turned into; entityId is the incident’s or the dispatch order’s id.' })
export class DutyCallOutcomeType {
  @Field(() => ID) id!: string;
  @Field(() => DutyCallOutcomeKindEnum) kind!: DutyCallOutcomeKind;
  @Field(() => String, { description: 'The incident’s title or the dispatch order’s number.' }) label!: string;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('DutyCallCorrection', { description: 'An appended correction: the field, its value before and after, why, who and when.' })
export class DutyCallCorrectionType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'callerName, callerPhone, unitText, category, urgency, summary, notes or receivedAt.' })
  field!: string;
  @Field(() => String, { nullable: true }) previousValue?: string | null;
  @Field(() => String, { nullable: true }) newValue?: string | null;
  @Field(() => String) reason!: string;
  @Field(() => Date) correctedAt!: Date;
}

@ObjectType('DutyLogPage', { description: 'One page of a day’s call log, newest first.' })
export class DutyLogPageType {
  @Field(() => [DutyCallType]) items!: unknown[];
  @Field(() => Int, { description: 'Calls matching the filter on that day, all pages.' }) total!: number;
  @Field(() => String, { description: 'The HQ day shown, YYYY-MM-DD.' }) day!: string;
}

@ObjectType('DutyCallerSuggestion', { description: 'A recent caller, as last logged.' })
export class DutyCallerSuggestionType {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) unitText?: string | null;
  @Field(() => MemberUnitType, { nullable: true }) unit?: unknown;
}

@ObjectType('DutyCallSuggestions', { description: 'Recent callers and free-text units starting with what was typed.' })
export class DutyCallSuggestionsType {
  @Field(() => [DutyCallerSuggestionType]) callers!: DutyCallerSuggestionType[];
  @Field(() => [String]) units!: string[];
}

@ObjectType('DutyCallChange', { description: 'A committed change to a duty call, with the call as it is now.' })
export class DutyCallChangeType extends ChangeOf(() => DutyCallType, 'call') {}

export { PersonRefType };
