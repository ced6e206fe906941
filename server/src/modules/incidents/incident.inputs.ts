import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IncidentClassEnum, IncidentSeverityEnum, IncidentStatusEnum, WorkingGroupEnum } from './incident.types';
import type { IncidentClass, IncidentSeverity, IncidentStatus, WorkingGroup } from '@cc/shared';

@InputType({ description: 'A new incident as the duty officer takes it down.' })
export class ReportIncidentInput {
  @Field(() => String, { description: 'Short title, up to 200 characters.' })
  title!: string;

  @Field(() => String, { defaultValue: '' })
  description!: string;

  @Field(() => IncidentClassEnum, { description: 'A (甲类, 6 h), B (乙类, 12 h) or C (丙类, 24 h).' })
  incidentClass!: IncidentClass;

  @Field(() => IncidentSeverityEnum, { defaultValue: 'MEDIUM', description: 'How serious it is on the ground.' })
  severity!: IncidentSeverity;

  @Field(() => String, { defaultValue: '', description: 'Where it happened, as text.' })
  location!: string;

  @Field(() => Float, { nullable: true, description: 'Latitude in degrees (WGS-84, −90..90); give both coordinates or neither.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Longitude in degrees (WGS-84, −180..180).' })
  longitude?: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was reported; defaults to now. Not in the future.' })
  reportedAt?: Date | null;

  @Field(() => WorkingGroupEnum, { nullable: true, description: 'The working group to handle it, if already known.' })
  assignedGroup?: WorkingGroup | null;

  @Field(() => ID, { nullable: true, description: 'The person accountable for it, if already known.' })
  ownerId?: string | null;
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

@InputType({ description: 'One lifecycle step (acknowledge, start, resolve, close, reopen) on one incident.' })
export class IncidentActionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The version the console showed; if given, a stale one is refused with CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Why, for the timeline. Required to reopen.' })
  note?: string | null;
}

@InputType({ description: 'Who handles an incident: a working group and, within it, an owner. Null clears.' })
export class AssignIncidentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'If given, a stale version is refused with CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => WorkingGroupEnum, { nullable: true })
  assignedGroup?: WorkingGroup | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}

@InputType({ description: 'Corrects an incident’s details; fields left out stay as they are.' })
export class UpdateIncidentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version the change is based on; a stale one is refused with CONFLICT.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => IncidentClassEnum, { nullable: true, description: 'Reclassifying moves the reporting deadline (counted from reportedAt).' })
  incidentClass?: IncidentClass | null;

  @Field(() => IncidentSeverityEnum, { nullable: true })
  severity?: IncidentSeverity | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => Float, { nullable: true, description: 'With longitude; null for both clears the coordinates.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;
}

@InputType()
export class AddIncidentNoteInput {
  @Field(() => ID)
  incidentId!: string;

  @Field(() => String, { description: 'What happened or was decided, up to 2000 characters.' })
  text!: string;
}

@InputType({
  description: 'The act of reporting an incident upward (上报): to whom, when. Recorded once; it meets the reporting deadline.',
})
export class RecordIncidentReportedUpwardInput {
  @Field(() => ID)
  incidentId!: string;

  @Field(() => String, { description: 'To whom it was reported: the authority or person above, up to 200 characters (上报对象).' })
  reportedTo!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was reported upward (上报时间); defaults to now. Not in the future, not before the incident was reported.',
  })
  reportedUpwardAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'How, or what was said, for the timeline; up to 2000 characters.' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version the console showed; if given, a stale one is refused with CONFLICT.' })
  expectedVersion?: number | null;
}
