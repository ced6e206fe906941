import { Field, ID, InputType } from 'type-graphql';
import type { DutyCallCategory, DutyCallStatus, DutyCallUrgency, IncidentClass, WorkingGroup } from '@cc/shared';
import { TransportRequestInput } from '../dispatch/dispatch.inputs';
import { IncidentClassEnum, WorkingGroupEnum } from '../incidents/incident.types';
import { DutyCallCategoryEnum, DutyCallStatusEnum, DutyCallUrgencyEnum } from './duty-call.types';

@InputType({ description: 'Which calls a page of the log shows; every field narrows it.' })
export class DutyLogFilter {
  @Field(() => String, { nullable: true, description: 'HQ day, YYYY-MM-DD; today when omitted.' })
  day?: string | null;

  @Field(() => String, { nullable: true, description: 'Caller, phone, unit, number, summary or notes containing this text.' })
  search?: string | null;

  @Field(() => DutyCallCategoryEnum, { nullable: true })
  category?: DutyCallCategory | null;

  @Field(() => DutyCallUrgencyEnum, { nullable: true })
  urgency?: DutyCallUrgency | null;

  @Field(() => DutyCallStatusEnum, { nullable: true })
  status?: DutyCallStatus | null;

  @Field(() => WorkingGroupEnum, { nullable: true, description: 'Only calls forwarded to this working group.' })
  forwardedTo?: WorkingGroup | null;
}

@InputType({ description: 'A call as the duty officer takes it down, while on the phone.' })
export class LogDutyCallInput {
  @Field(() => Date, { nullable: true, description: 'When the call came in; now when omitted. At most 7 days back, 5 minutes ahead.' })
  receivedAt?: Date | null;

  @Field(() => String, { description: 'Up to 100 characters.' })
  callerName!: string;

  @Field(() => String, { nullable: true, description: 'A mainland mobile or landline number.' })
  callerPhone?: string | null;

  @Field(() => ID, { nullable: true, description: 'The caller’s member unit, when it is one.' })
  unitId?: string | null;

  @Field(() => String, { nullable: true, description: 'The caller’s unit as free text (up to 200), when it is not a member unit.' })
  unitText?: string | null;

  @Field(() => DutyCallCategoryEnum)
  category!: DutyCallCategory;

  @Field(() => DutyCallUrgencyEnum)
  urgency!: DutyCallUrgency;

  @Field(() => String, { description: 'Up to 2,000 characters.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Up to 5,000 characters.' })
  notes?: string | null;
}

@InputType({ description: 'One receiver of a forward: a working group or a member unit (exactly one).' })
export class DutyForwardTargetInput {
  @Field(() => WorkingGroupEnum, { nullable: true })
  group?: WorkingGroup | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@InputType()
export class ForwardDutyCallInput {
  @Field(() => ID)
  callId!: string;

  @Field(() => [DutyForwardTargetInput], { description: 'One to ten receivers.' })
  targets!: DutyForwardTargetInput[];

  @Field(() => String, { nullable: true, description: 'Up to 1,000 characters, for the receivers.' })
  note?: string | null;
}

@InputType()
export class AcknowledgeDutyForwardInput {
  @Field(() => ID)
  forwardId!: string;

  @Field(() => String, { nullable: true, description: 'Up to 1,000 characters.' })
  note?: string | null;
}

@InputType({ description: 'Corrects one field of a logged call by an appended correction.' })
export class CorrectDutyCallInput {
  @Field(() => ID)
  callId!: string;

  @Field(() => String, { description: 'callerName, callerPhone, unitText, category, urgency, summary, notes or receivedAt.' })
  field!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The new value as text (an ISO time for receivedAt); empty clears an optional field.',
  })
  value?: string | null;

  @Field(() => String, { description: 'Why, up to 500 characters.' })
  reason!: string;
}

@InputType()
export class ClaimDutyCallInput {
  @Field(() => ID)
  callId!: string;
}

@InputType()
export class CloseDutyCallInput {
  @Field(() => ID)
  callId!: string;

  @Field(() => String, { nullable: true, description: 'Up to 1,000 characters.' })
  note?: string | null;
}

@InputType({ description: 'Turns a call into an incident (事件), linked both ways.' })
export class ConvertDutyCallToIncidentInput {
  @Field(() => ID)
  callId!: string;

  @Field(() => String, { description: 'Up to 200 characters.' })
  title!: string;

  @Field(() => IncidentClassEnum)
  incidentClass!: IncidentClass;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'The call’s summary when omitted.' })
  description?: string | null;
}

@InputType({ description: 'Turns a call into a dispatch order (调度单), linked both ways; the fields of CreateDispatchOrderInput.' })
export class ConvertDutyCallToDispatchOrderInput extends TransportRequestInput {
  @Field(() => ID)
  callId!: string;

  @Field(() => WorkingGroupEnum, { nullable: true, description: 'The working group asking; give this or requestingUnitId.' })
  requestingGroup?: WorkingGroup | null;

  @Field(() => ID, { nullable: true, description: 'The member unit asking; give this or requestingGroup.' })
  requestingUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  incidentId?: string | null;
}
