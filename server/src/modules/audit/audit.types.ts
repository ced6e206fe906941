import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums';
import { JSONObjectScalar } from '../../core/graphql/json-scalar';
import { AUDIT_CHANGES, type AuditChange } from './audit-record.entity';

export const AuditChangeEnum = graphqlEnum(
  AUDIT_CHANGES,
  'AuditChange',
  'What a mutation did to one record; NONE when it changed no record.',
);

@ObjectType('AuditRecord', { description: 'One change in the append-only audit trail. Nothing can edit or delete it.' })
export class AuditRecordType {
  @Field(() => ID) id!: string;
  @Field(() => Date, { description: 'When the change was written (inside its transaction).' }) at!: Date;
  @Field(() => ID, { nullable: true, description: 'Who made the request; null for system actions (first run).' }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorUsername!: string | null;
  @Field(() => String, { nullable: true }) actorDisplayName!: string | null;
  @Field(() => String, { description: 'Every row of one request shares it.' }) requestId!: string;
  @Field(() => String, { description: 'The GraphQL mutation, e.g. reportIncident.' }) operation!: string;
  @Field(() => String, { description: 'http, ws or startup.' }) transport!: string;
  @Field(() => String, { nullable: true, description: 'e.g. Incident, User.' }) entityType!: string | null;
  @Field(() => String, { nullable: true }) entityId!: string | null;
  @Field(() => AuditChangeEnum) change!: AuditChange;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'The changed fields before (secrets shown as [redacted]).' })
  before!: Record<string, unknown> | null;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'The changed fields after.' }) after!: Record<string, unknown> | null;
}

@ObjectType('AuditRecordPage', { description: 'A page of audit records, newest first.' })
export class AuditRecordPageType {
  @Field(() => [AuditRecordType]) records!: AuditRecordType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next (older) page.' }) endCursor!: string | null;
  @Field(() => Boolean) hasMore!: boolean;
}

@InputType('AuditFilter', { description: 'All given conditions must hold.' })
export class AuditFilterInput {
  @Field(() => ID, { nullable: true, description: 'Changes made by this person.' }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: 'Changes to records of this type, e.g. Incident.' }) entityType?: string | null;
  @Field(() => String, { nullable: true, description: 'Changes to this one record (with entityType).' }) entityId?: string | null;
  @Field(() => String, { nullable: true, description: 'Changes made by this mutation, e.g. changeIncidentStatus.' }) operation?:
    string | null;
  @Field(() => Date, { nullable: true, description: 'At or after this time.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before this time.' }) to?: Date | null;
}
