import { Field, ID, InputType, Int } from 'type-graphql';
import { IncidentClassEnum, IncidentStatusEnum } from './incident.types';
import type { IncidentClass, IncidentStatus } from '@cc/shared';

@InputType({ description: 'A new incident as the duty officer takes it down.' })
export class ReportIncidentInput {
  @Field(() => String, { description: 'Short title, up to 200 characters.' })
  title!: string;

  @Field(() => String, { defaultValue: '' })
  description!: string;

  @Field(() => IncidentClassEnum, { description: 'A (甲类, 6 h), B (乙类, 12 h) or C (丙类, 24 h).' })
  incidentClass!: IncidentClass;

  @Field(() => String, { defaultValue: '', description: 'Where it happened, as text.' })
  location!: string;

  @Field(() => Date, { nullable: true, description: 'When it was reported; defaults to now. Not in the future.' })
  reportedAt?: Date | null;
}

@InputType()
export class ChangeIncidentStatusInput {
  @Field(() => ID)
  id!: string;

  @Field(() => IncidentStatusEnum)
  status!: IncidentStatus;

  @Field(() => Int, { description: 'The version the change is based on; a stale one is refused with CONFLICT.' })
  expectedVersion!: number;
}
