import { Field, ID, InputType, Int } from 'type-graphql';
import type { DutyRole } from '@cc/shared';
import { DutyRoleEnum } from './roster.types';

@InputType({ description: 'One person on a shift, in one role.' })
export class DutyShiftMemberInput {
  @Field(() => ID) userId!: string;
  @Field(() => DutyRoleEnum) role!: DutyRole;
}

@InputType({ description: 'A shift of the 24-hour watch: HQ instants; a night shift ends on the next day.' })
export class CreateDutyShiftInput {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date, { description: 'After the start; at most 26 hours later.' }) endsAt!: Date;
  @Field(() => String, { defaultValue: '' }) note!: string;
  @Field(() => [DutyShiftMemberInput], { description: 'Each person at most once; an officer and a leader cover the hours.' })
  members!: DutyShiftMemberInput[];
}

@InputType({ description: 'Replaces a shift’s times, note and members; members who stay keep their check-in.' })
export class UpdateDutyShiftInput extends CreateDutyShiftInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, description: 'The version the planner saw; a stale one is refused with CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType()
export class DutyShiftRefInput {
  @Field(() => ID) shiftId!: string;
}
