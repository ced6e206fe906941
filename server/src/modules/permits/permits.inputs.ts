import { Field, ID, InputType } from 'type-graphql';
import type { PermitCargoKind, PermitVehicleType } from '@cc/shared';
import { PermitCargoKindEnum, PermitVehicleTypeEnum } from './permits.types';

@InputType({ description: '通行证申请: what the applicant asks for. A liaison files for their own unit; HQ names the sponsoring unit.' })
export class FilePermitRequestInput {
  @Field(() => ID, { nullable: true, description: 'The sponsoring member unit; a liaison’s own unit when omitted.' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The duty-phone call this request is filed from, on the caller’s behalf.' })
  dutyCallId?: string | null;

  @Field(() => String, { description: 'The applicant organisation (an enterprise or the unit itself), up to 200 characters.' })
  applicantName!: string;

  @Field(() => String, { description: 'Up to 100 characters.' })
  contactName!: string;

  @Field(() => String, { description: 'A mainland mobile or landline number.' })
  contactPhone!: string;

  @Field(() => String, { description: 'A mainland plate, new-energy plates included (京A12345, 京AD12345).' })
  plate!: string;

  @Field(() => PermitVehicleTypeEnum)
  vehicleType!: PermitVehicleType;

  @Field(() => String, { description: 'Up to 100 characters.' })
  driverName!: string;

  @Field(() => String, { description: 'The driver’s 18-character identity number; checked, then kept masked (110***********1234).' })
  driverIdNumber!: string;

  @Field(() => PermitCargoKindEnum)
  cargoKind!: PermitCargoKind;

  @Field(() => String, { nullable: true, description: 'Up to 500 characters.' })
  cargoDescription?: string | null;

  @Field(() => String, { description: 'Up to 200 characters.' })
  origin!: string;

  @Field(() => [String], { description: 'One to ten places, up to 200 characters each.' })
  destinations!: string[];

  @Field(() => Date, { description: 'Start of the requested validity.' })
  validFrom!: Date;

  @Field(() => Date, { description: 'End of the requested validity: at most 30 days after its start.' })
  validUntil!: Date;
}

@InputType({ description: 'Answers HQ’s question and puts the request back in the queue.' })
export class ResubmitPermitRequestInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => String, { description: 'Up to 1,000 characters.' })
  answer!: string;
}

@InputType()
export class PermitRequestIdInput {
  @Field(() => ID)
  requestId!: string;
}

@InputType({ description: '审批: approves and issues the permit. The window may be narrowed inside the requested one, never widened.' })
export class ApprovePermitRequestInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => Date, { nullable: true, description: 'A later start than requested; the requested start when omitted.' })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'An earlier end than requested; the requested end when omitted.' })
  validUntil?: Date | null;
}

@InputType({ description: '驳回 with a reason the applicant reads.' })
export class RejectPermitRequestInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => String, { description: 'Up to 500 characters.' })
  reason!: string;
}

@InputType({ description: 'Asks the applicant for more information; the request leaves the queue until answered.' })
export class AskPermitRequestInfoInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => String, { description: 'Up to 500 characters.' })
  question!: string;
}

@InputType({ description: '吊销: the permit stops being valid at once, for good.' })
export class RevokeTrafficPermitInput {
  @Field(() => ID)
  permitId!: string;

  @Field(() => String, { description: 'Up to 500 characters.' })
  reason!: string;
}
