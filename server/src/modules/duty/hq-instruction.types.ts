import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { HQ_INSTRUCTION_PRIORITIES, type HqInstructionPriority, type WorkingGroup } from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';
import { PersonRefType, WorkingGroupEnum } from '../incidents/incident.types';

export const HqInstructionPriorityEnum = graphqlEnum(
  HQ_INSTRUCTION_PRIORITIES,
  'HqInstructionPriority',
  'How pressing an HQ instruction is: 一般, 紧急, 特急.',
);

@ObjectType('HqInstructionDelivery', {
  description: 'One copy of an HQ instruction, to a working group or a member unit, and its acknowledgement (签收).',
})
export class HqInstructionDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) instructionId!: string;
  @Field(() => WorkingGroupEnum, { nullable: true, description: 'The working group it went to (or a unit, never both).' })
  targetGroup?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) targetUnitId?: string | null;
  @Field(() => String, { description: 'The member unit’s name when it was delivered; empty for a group.' }) targetUnitName!: string;
  @Field(() => Date) deliveredAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt?: Date | null;
  @Field(() => String) acknowledgementNote!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('HqInstruction', { description: '指挥部指示: an instruction from HQ the duty officer recorded and passed on (传达).' })
export class HqInstructionType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Who gave it, e.g. 指挥部, 上级.' }) source!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => String) content!: string;
  @Field(() => HqInstructionPriorityEnum) priority!: HqInstructionPriority;
  @Field(() => Date, { description: 'When it was recorded and distributed.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the last delivery was acknowledged; null while one waits.' })
  fullyAcknowledgedAt?: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('HqInstructionChange', { description: 'One committed change of an HQ instruction, with the instruction as it is now.' })
export class HqInstructionChangeType extends ChangeOf(() => HqInstructionType, 'instruction') {}

@InputType({ description: 'Where a copy goes: a working group or a member unit, exactly one of the two.' })
export class HqInstructionTargetInput {
  @Field(() => WorkingGroupEnum, { nullable: true }) group?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
}

@InputType({ description: 'A new instruction from HQ, and who it goes to.' })
export class RecordHqInstructionInput {
  @Field(() => String, { description: 'Who gave it, e.g. 指挥部, 上级; at most 100 characters.' }) source!: string;
  @Field(() => Date, { nullable: true, description: 'When the duty desk received it; defaults to now.' }) receivedAt?: Date | null;
  @Field(() => String, { description: 'The instruction itself; at most 4000 characters.' }) content!: string;
  @Field(() => HqInstructionPriorityEnum, { defaultValue: 'ROUTINE' }) priority!: HqInstructionPriority;
  @Field(() => [HqInstructionTargetInput], { description: 'One or more working groups and/or member units.' })
  targets!: HqInstructionTargetInput[];
}

@InputType({ description: 'Signs for (签收) one delivery of an instruction.' })
export class AcknowledgeHqInstructionInput {
  @Field(() => ID) deliveryId!: string;
  @Field(() => String, { nullable: true, description: 'At most 500 characters.' }) note?: string | null;
}

export { PersonRefType };
