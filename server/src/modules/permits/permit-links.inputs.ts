import { Field, ID, InputType } from 'type-graphql';

/** Confirms that two valid permits of one vehicle overlap on purpose (recorded, audited); approving a request takes it too. */
@InputType()
export class OverlapConfirmationInput {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Set after a PERMIT_OVERLAP refusal to go ahead anyway; needs overlapReason.',
  })
  confirmOverlap!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the overlap is right (up to 300 characters); recorded.' })
  overlapReason?: string | null;
}

@InputType({ description: 'The permit a vehicle travels under on a job.' })
export class AttachPermitInput extends OverlapConfirmationInput {
  @Field(() => ID, { description: 'The vehicle’s assignment on the dispatch order.' })
  assignmentId!: string;

  @Field(() => ID)
  permitId!: string;

  @Field(() => Date, { nullable: true, description: 'When the job is expected to end; 8 hours after it starts when omitted.' })
  expectedEndAt?: Date | null;
}

@InputType({ description: 'A permit a standby vehicle holds between jobs.' })
export class GrantStandingPermitInput extends OverlapConfirmationInput {
  @Field(() => ID)
  vehicleId!: string;

  @Field(() => ID)
  permitId!: string;
}

@InputType()
export class WithdrawStandingPermitInput {
  @Field(() => ID)
  vehicleId!: string;
}
