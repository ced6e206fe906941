import { Field, ID, InputType, Int } from 'type-graphql';
import type { RequisitionUrgency } from '@cc/shared';
import { RequisitionUrgencyEnum } from './requisition.types';

@InputType()
export class RequisitionLineInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int, { description: 'Whole units of the item’s measure, more than zero.' })
  quantity!: number;
}

@InputType({ description: 'A requisition (防控物资申请审批单) a unit liaison files for their own unit.' })
export class FileRequisitionInput {
  @Field(() => [RequisitionLineInput], { description: 'One line per item, at most 30.' })
  lines!: RequisitionLineInput[];

  @Field(() => String, { description: 'What the supplies are for.' })
  purpose!: string;

  @Field(() => RequisitionUrgencyEnum, { description: 'Medical front line first (急用优先).' })
  urgency!: RequisitionUrgency;

  @Field(() => String, { description: 'The unit head (一把手) who signed the form.' })
  headName!: string;

  @Field(() => Boolean, { description: 'The liaison attests that the unit head signed the paper form; must be true.' })
  headSigned!: boolean;

  @Field(() => String, { description: 'Where to deliver.' })
  deliverTo!: string;
}

@InputType()
export class RequisitionLineDecisionInput {
  @Field(() => ID)
  lineId!: string;

  @Field(() => Int, { description: 'What is approved: 0 up to what was requested.' })
  quantity!: number;
}

@InputType({
  description:
    'Logistics decides a requisition: every line’s approved quantity; all in full approves, less approves in part, none rejects.',
})
export class DecideRequisitionInput {
  @Field(() => ID)
  requisitionId!: string;

  @Field(() => [RequisitionLineDecisionInput])
  lines!: RequisitionLineDecisionInput[];

  @Field(() => String, { defaultValue: '', description: 'Required when approving in part or rejecting.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version the officer saw; a changed requisition is refused with CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType()
export class WithdrawRequisitionInput {
  @Field(() => ID)
  requisitionId!: string;
}
