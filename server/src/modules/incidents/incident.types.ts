import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  INCIDENT_CLASSES,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TIMELINE_KINDS,
  WORKING_GROUPS,
  type IncidentClass,
  type IncidentSeverity,
  type IncidentStatus,
  type IncidentTimelineKind,
  type WorkingGroup,
} from '@cc/shared';
import { graphqlEnum } from '../../core/graphql/enums';
import { ChangeOf } from '../../core/graphql/change-type';

export const IncidentClassEnum = graphqlEnum(
  INCIDENT_CLASSES,
  'IncidentClass',
  'Reporting class: A 甲类 (6 h), B 乙类 (12 h), C 丙类 (24 h).',
);
export const IncidentStatusEnum = graphqlEnum(INCIDENT_STATUSES, 'IncidentStatus', 'Where an incident is in its lifecycle.');
export const IncidentSeverityEnum = graphqlEnum(INCIDENT_SEVERITIES, 'IncidentSeverity', 'How serious an incident is on the ground.');
export const IncidentTimelineKindEnum = graphqlEnum(INCIDENT_TIMELINE_KINDS, 'IncidentTimelineKind', 'What a timeline entry records.');
export const WorkingGroupEnum = graphqlEnum(
  WORKING_GROUPS,
  'WorkingGroup',
  'The four working groups of plan 3: 综合协调 COORDINATION, 后勤保障 LOGISTICS, 运输调配 TRANSPORT, 值班值守 DUTY.',
);

@ObjectType('PersonRef', { description: 'A person as the console names them.' })
export class PersonRefType {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
}

@ObjectType('Incident', { description: '事件: something that happened and needs HQ’s response.' })
export class IncidentType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => IncidentClassEnum) incidentClass!: IncidentClass;
  @Field(() => IncidentSeverityEnum) severity!: IncidentSeverity;
  @Field(() => IncidentStatusEnum) status!: IncidentStatus;
  @Field(() => Date) reportedAt!: Date;
  @Field(() => Date, { description: 'When the report must have reached HQ (6/12/24 h after reportedAt).' })
  reportingDeadline!: Date;
  @Field(() => String) location!: string;
  @Field(() => Float, { nullable: true, description: 'WGS-84 degrees; null when only the location text is known.' })
  latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => WorkingGroupEnum, { nullable: true, description: 'The working group handling it.' })
  assignedGroup?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was first acknowledged (or taken on directly).' })
  acknowledgedAt?: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt?: Date | null;
  @Field(() => Date, { nullable: true }) closedAt?: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When it was reported upward (上报); this, not resolving, meets the reporting deadline.',
  })
  reportedUpwardAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'To whom it was reported upward (上报对象).' })
  reportedUpwardTo?: string | null;
  @Field(() => ID, { nullable: true, description: 'The duty-phone call it was taken from; `sourceCall` (duty module) reads it.' })
  sourceCallId?: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back as expectedVersion.' })
  version!: number;
}

@ObjectType('IncidentLink', { description: 'Another record linked to an incident: a call, a dispatch order, a permit, a requisition...' })
export class IncidentLinkType {
  @Field(() => String, { description: 'The kind of record, e.g. "DispatchOrder".' }) entityType!: string;
  @Field(() => ID) entityId!: string;
}

@ObjectType('IncidentTimelineEntry', { description: 'One line of an incident’s timeline, oldest first.' })
export class IncidentTimelineEntryType {
  @Field(() => ID) id!: string;
  @Field(() => IncidentTimelineKindEnum) kind!: IncidentTimelineKind;
  @Field(() => Date) at!: Date;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { description: 'Who acted, as they were named then; empty for the server itself.' }) actorName!: string;
  @Field(() => String, { description: 'The note, the reason given, or the linked record’s summary.' }) text!: string;
  @Field(() => IncidentStatusEnum, { nullable: true }) fromStatus!: IncidentStatus | null;
  @Field(() => IncidentStatusEnum, { nullable: true }) toStatus!: IncidentStatus | null;
  @Field(() => IncidentLinkType, { nullable: true }) link!: IncidentLinkType | null;
}

@ObjectType('IncidentChange', { description: 'One committed change to an incident, at its outbox position.' })
export class IncidentChangeType extends ChangeOf(() => IncidentType, 'incident') {}
