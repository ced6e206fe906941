import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CALL_UP_STAGES, SUPPORT_REQUEST_STATUSES, type CallUpStage, type SupportRequestStatus } from '@cc/shared';
import { ChangeOf } from '../../../core/graphql/change-type';
import { graphqlEnum } from '../../../core/graphql/enums';

export const CallUpStageEnum = graphqlEnum(
  CALL_UP_STAGES,
  'CallUpStage',
  '本级调用 (own stock) → 请求支援 (request support) → 紧急支援 (emergency support) → 响应结束 (response ended).',
);
export const SupportRequestStatusEnum = graphqlEnum(
  SUPPORT_REQUEST_STATUSES,
  'SupportRequestStatus',
  'Open until the intakes from above cover it, or withdrawn.',
);

@ObjectType('CallUpStep', { description: 'One recorded step of a call-up (append-only).' })
export class CallUpStepType {
  @Field(() => ID) id!: string;
  @Field(() => CallUpStageEnum) stage!: CallUpStage;
  @Field(() => String) note!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String) byName!: string;
}

@ObjectType('SupportRequest', { description: 'A request for allocation from above (上级下拨), tracked until the intake that closes it.' })
export class SupportRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String) askedOf!: string;
  @Field(() => Int) received!: number;
  @Field(() => SupportRequestStatusEnum) status!: SupportRequestStatus;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt?: Date | null;
  @Field(() => ID, { nullable: true }) closingIntakeId?: string | null;
}

@ObjectType('CallUp', { description: '应急物资调用: an emergency supply call-up (plan 5).' })
export class CallUpType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => CallUpStageEnum) stage!: CallUpStage;
  @Field(() => Date) openedAt!: Date;
  @Field(() => String) openedByName!: string;
  @Field(() => Date, { nullable: true }) endedAt?: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('CallUpChange', { description: 'One committed change of a call-up, with the call-up as it is now.' })
export class CallUpChangeType extends ChangeOf(() => CallUpType, 'callUp') {}

@InputType()
export class OpenCallUpInput {
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'What own stock is used (本级调用).' }) note!: string;
}

@InputType()
export class AdvanceCallUpInput {
  @Field(() => ID) callUpId!: string;
  @Field(() => CallUpStageEnum) stage!: CallUpStage;
  @Field(() => String) note!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}

@InputType()
export class RequestSupplySupportInput {
  @Field(() => ID) callUpId!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String, { description: 'Who is asked: 市工信局, 省工信厅…' }) askedOf!: string;
}

@InputType()
export class RecordSupportIntakeInput {
  @Field(() => ID) requestId!: string;
  @Field(() => ID, { description: 'A stocked intake of the item from above (上级下拨).' }) intakeId!: string;
}

@InputType()
export class WithdrawSupportRequestInput {
  @Field(() => ID) requestId!: string;
}
