import { Field, ID, Int, ObjectType } from 'type-graphql';
import { INCIDENT_CLASSES, INCIDENT_STATUSES, type IncidentClass, type IncidentStatus } from '@cc/shared';
import { graphqlEnum } from '../../core/graphql/enums';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { ChangeKindEnum } from '../../core/graphql/change-kind';
import type { ChangeKind } from '../../core/realtime/topics';

export const IncidentClassEnum = graphqlEnum(INCIDENT_CLASSES, 'IncidentClass', 'Reporting class: A 甲类 (6 h), B 乙类 (12 h), C 丙类 (24 h).');
export const IncidentStatusEnum = graphqlEnum(INCIDENT_STATUSES, 'IncidentStatus', 'Where an incident is in its lifecycle.');

@ObjectType('Incident', { description: '事件: something that happened and needs HQ’s response.' })
export class IncidentType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => IncidentClassEnum) incidentClass!: IncidentClass;
  @Field(() => IncidentStatusEnum) status!: IncidentStatus;
  @Field(() => Date) reportedAt!: Date;
  @Field(() => Date, { description: 'When the report must have reached HQ (6/12/24 h after reportedAt).' })
  reportingDeadline!: Date;
  @Field(() => String) location!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back as expectedVersion.' })
  version!: number;
}

@ObjectType('IncidentChange', { description: 'One committed change to an incident, at its outbox position.' })
export class IncidentChangeType {
  @Field(() => EventPositionScalar) position!: bigint;
  @Field(() => ChangeKindEnum) kind!: ChangeKind;
  @Field(() => Date) committedAt!: Date;
  @Field(() => IncidentType) incident!: IncidentType;
}
