import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  DIRECTIVE_ASSIGNEE_STATUSES,
  DIRECTIVE_ORIGINS,
  DIRECTIVE_PRIORITIES,
  DIRECTIVE_PROGRESS_KINDS,
  RESPONSE_LEVELS,
  type DirectiveAssigneeStatus,
  type DirectiveOrigin,
  type DirectivePriority,
  type DirectiveProgressKind,
  type ResponseLevel,
  type WorkingGroup,
} from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';
import { PersonRefType, WorkingGroupEnum } from '../incidents/incident.types';

export const ResponseLevelEnum = graphqlEnum(
  RESPONSE_LEVELS,
  'ResponseLevel',
  'The HQ’s emergency response level: 一级 (LEVEL_1, highest) to 四级 (LEVEL_4), or 响应结束 (ENDED).',
);
export const DirectivePriorityEnum = graphqlEnum(
  DIRECTIVE_PRIORITIES,
  'DirectivePriority',
  'How pressing a directive is: 一般, 紧急, 特急.',
);
export const DirectiveOriginEnum = graphqlEnum(
  DIRECTIVE_ORIGINS,
  'DirectiveOrigin',
  'Where a directive came from: HQ directly, an HQ instruction, a duty-phone call (e.g. 信访), or a meeting’s decision.',
);
export const DirectiveAssigneeStatusEnum = graphqlEnum(
  DIRECTIVE_ASSIGNEE_STATUSES,
  'DirectiveAssigneeStatus',
  'One assignee’s way: ASSIGNED (待接收) → ACCEPTED (办理中) → DONE (已办结).',
);
export const DirectiveProgressKindEnum = graphqlEnum(DIRECTIVE_PROGRESS_KINDS, 'DirectiveProgressKind', 'What a progress entry records.');

// ---------------------------------------------------------------------------- response level

@ObjectType('ResponseLevelChange', { description: 'One change of the HQ’s response level; the history is append-only.' })
export class ResponseLevelChangeType {
  @Field(() => ID) id!: string;
  @Field(() => ResponseLevelEnum) level!: ResponseLevel;
  @Field(() => Date, { description: 'When the level took effect.' }) effectiveAt!: Date;
  @Field(() => String) note!: string;
}

@ObjectType('ResponseLevelState', { description: 'The HQ’s response level now, and since when.' })
export class ResponseLevelStateType {
  @Field(() => ResponseLevelEnum, { nullable: true, description: 'Null when no level was ever set.' }) level!: ResponseLevel | null;
  @Field(() => Date, { nullable: true }) since!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the response ended (响应结束); null while a level is in force.' })
  endedAt!: Date | null;
  @Field(() => ResponseLevelChangeType, { nullable: true, description: 'The latest change, with who set it.' })
  change!: ResponseLevelChangeType | null;
}

@ObjectType('ResponseLevelChangeEvent', { description: 'One committed change of the response level: the new current level.' })
export class ResponseLevelChangeEventType extends ChangeOf(() => ResponseLevelChangeType, 'change') {}

@InputType({ description: 'A leader sets the HQ’s response level.' })
export class SetResponseLevelInput {
  @Field(() => ResponseLevelEnum) level!: ResponseLevel;
  @Field(() => String, { nullable: true, description: 'Why, e.g. the HQ’s decision; at most 500 characters.' }) note?: string | null;
}

// ---------------------------------------------------------------------------- directives

@ObjectType('DirectiveAssignee', { description: 'A working group or member unit a directive is assigned to, and how far it has got.' })
export class DirectiveAssigneeType {
  @Field(() => ID) id!: string;
  @Field(() => ID) directiveId!: string;
  @Field(() => WorkingGroupEnum, { nullable: true }) targetGroup?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) targetUnitId?: string | null;
  @Field(() => String, { description: 'The member unit’s name when assigned; empty for a group.' }) targetUnitName!: string;
  @Field(() => DirectiveAssigneeStatusEnum) status!: DirectiveAssigneeStatus;
  @Field(() => Date, { nullable: true }) acceptedAt?: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt?: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('DirectiveProgress', { description: 'An assignee’s accept, progress report or finish, with its note (append-only).' })
export class DirectiveProgressType {
  @Field(() => ID) id!: string;
  @Field(() => ID) assigneeId!: string;
  @Field(() => DirectiveProgressKindEnum) kind!: DirectiveProgressKind;
  @Field(() => String) note!: string;
  @Field(() => Date) at!: Date;
}

@ObjectType('Directive', { description: '交办事项: a task from HQ with an owner, a deadline and its assignees.' })
export class DirectiveType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) content!: string;
  @Field(() => String, { description: 'Who gave it, e.g. 指挥部.' }) source!: string;
  @Field(() => DirectiveOriginEnum) origin!: DirectiveOrigin;
  @Field(() => ID, { nullable: true, description: 'The HQ instruction it came from (duty module).' }) hqInstructionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The duty-phone call it came from (duty module).' }) dutyCallId?: string | null;
  @Field(() => String, { description: 'The person accountable (责任人).' }) ownerName!: string;
  @Field(() => Date) deadline!: Date;
  @Field(() => DirectivePriorityEnum) priority!: DirectivePriority;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the last assignee finished; null while one is at work.' })
  completedAt?: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('DirectiveChange', { description: 'One committed change of a directive, with the directive as it is now.' })
export class DirectiveChangeType extends ChangeOf(() => DirectiveType, 'directive') {}

@InputType({ description: 'Who a directive goes to: a working group or a member unit, exactly one of the two.' })
export class DirectiveAssigneeInput {
  @Field(() => WorkingGroupEnum, { nullable: true }) group?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
}

@InputType({ description: 'A new directive (交办事项).' })
export class CreateDirectiveInput {
  @Field(() => String, { description: 'At most 200 characters.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'The details; at most 4000 characters.' }) content?: string | null;
  @Field(() => String, { description: 'Who gave it, e.g. 指挥部; at most 100 characters.' }) source!: string;
  @Field(() => String, { description: 'The person accountable (责任人); at most 100 characters.' }) ownerName!: string;
  @Field(() => Date, { description: 'Later than now, within a year.' }) deadline!: Date;
  @Field(() => DirectivePriorityEnum, { defaultValue: 'ROUTINE' }) priority!: DirectivePriority;
  @Field(() => [DirectiveAssigneeInput], { description: 'One or more working groups and/or member units.' })
  assignees!: DirectiveAssigneeInput[];
  @Field(() => ID, { nullable: true, description: 'The HQ instruction (duty module) this task comes from.' }) hqInstructionId?:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The duty-phone call (e.g. 信访) this task comes from.' }) dutyCallId?: string | null;
}

@InputType({ description: 'One step of one assignment: accept, report progress, or finish.' })
export class DirectiveStepInput {
  @Field(() => ID) assigneeId!: string;
  @Field(() => String, { nullable: true, description: 'At most 1000 characters; required for a progress report.' }) note?: string | null;
}

@InputType({ description: 'Which directives the board shows.' })
export class DirectiveFilterInput {
  @Field(() => Boolean, { defaultValue: false, description: 'Only those some assignee has not finished.' }) onlyOpen!: boolean;
  @Field(() => Boolean, { defaultValue: false, description: 'Only open ones past their deadline.' }) onlyOverdue!: boolean;
  @Field(() => WorkingGroupEnum, { nullable: true }) group?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
}

export { PersonRefType };
