import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SUPPLY_DAY_STEPS, type SupplyDayStep } from '@cc/shared';
import { ChangeOf } from '../../../core/graphql/change-type';
import { graphqlEnum } from '../../../core/graphql/enums';
import { ALLOCATION_PLAN_STATUSES, type AllocationPlanStatus } from './allocation-plan.entity';

export const SupplyDayStepEnum = graphqlEnum(
  SUPPLY_DAY_STEPS,
  'SupplyDayStep',
  'The supply day’s steps: needs by 11:00, the plan approved, supplies delivered by 17:00, the summary by 17:30.',
);
export const AllocationPlanStatusEnum = graphqlEnum(
  ALLOCATION_PLAN_STATUSES,
  'AllocationPlanStatus',
  'A draft logistics edits, or approved by a leader.',
);

@ObjectType('SupplyDayTimes', { description: 'The supply day’s deadlines, HQ wall-clock times HH:mm.' })
export class SupplyDayTimesType {
  @Field(() => String) needsBy!: string;
  @Field(() => String) planApprovedBy!: string;
  @Field(() => String) deliveredBy!: string;
  @Field(() => String) summaryBy!: string;
}

@InputType({ description: 'The supply day’s deadlines, HQ time HH:mm, in the day’s order.' })
export class SupplyDayTimesInput {
  @Field(() => String) needsBy!: string;
  @Field(() => String) planApprovedBy!: string;
  @Field(() => String) deliveredBy!: string;
  @Field(() => String) summaryBy!: string;
}

@ObjectType('SupplyDayDeadlines', { description: 'The instants of the day’s deadlines (for countdowns).' })
export class SupplyDayDeadlinesType {
  @Field(() => Date) needsBy!: Date;
  @Field(() => Date) planApprovedBy!: Date;
  @Field(() => Date) deliveredBy!: Date;
  @Field(() => Date) summaryBy!: Date;
}

@ObjectType('AllocationPlanLine', { description: 'One take of the plan: so much of a requisition line’s item from one place.' })
export class AllocationPlanLineType {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => ID) requisitionId!: string;
  @Field(() => String) requisitionNumber!: string;
  @Field(() => String) unitName!: string;
  @Field(() => String) urgency!: string;
  @Field(() => ID) requisitionLineId!: string;
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => Int, { description: 'What the line asked for in all.' }) requested!: number;
  @Field(() => ID) placeId!: string;
  @Field(() => String) placeName!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType('AllocationPlan', { description: '当日防控物资调配方案: the day’s allocation plan.' })
export class AllocationPlanType {
  @Field(() => ID) id!: string;
  @Field(() => String) day!: string;
  @Field(() => AllocationPlanStatusEnum) status!: AllocationPlanStatus;
  @Field(() => Date) proposedAt!: Date;
  @Field(() => ID, { nullable: true }) proposedById?: string | null;
  @Field(() => String) proposedByName!: string;
  @Field(() => Date, { nullable: true }) approvedAt?: Date | null;
  @Field(() => String) approvedByName!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('SupplyDay', { description: 'Where an HQ day of supply stands: deadlines, plan, deliveries, summary, missed steps.' })
export class SupplyDayType {
  @Field(() => ID, { description: 'The day, YYYY-MM-DD (HQ time).' }) id!: string;
  @Field(() => String) day!: string;
  @Field(() => SupplyDayTimesType) times!: SupplyDayTimesType;
  @Field(() => SupplyDayDeadlinesType) deadlines!: SupplyDayDeadlinesType;
  @Field(() => AllocationPlanType, { nullable: true }) plan?: AllocationPlanType | null;
  @Field(() => Int, { description: 'Requisitions waiting for this day’s plan.' }) waitingNeeds!: number;
  @Field(() => Date, { nullable: true, description: 'When the approved plan’s last shipment arrived.' }) deliveredAt?: Date | null;
  @Field(() => Date, { nullable: true }) summaryReadyAt?: Date | null;
  @Field(() => [SupplyDayStepEnum], { description: 'Steps whose deadline passed undone.' }) missed!: SupplyDayStep[];
}

@ObjectType('SupplyDayChange', { description: 'One committed change of a supply day, with the day as it is now.' })
export class SupplyDayChangeType extends ChangeOf(() => SupplyDayType, 'supplyDay') {}

@ObjectType('SupplySummaryIntake')
export class SummaryIntakeType {
  @Field(() => String, { description: 'CENTRAL_PURCHASE, LOCAL_PRODUCTION, ALLOCATION_FROM_ABOVE or DONATION.' }) source!: string;
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType('SupplySummaryIssue')
export class SummaryIssueType {
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => String) recipient!: string;
  @Field(() => Int, { description: 'Net of reversals.' }) quantity!: number;
}

@ObjectType('SupplySummaryAllocation')
export class SummaryAllocationType {
  @Field(() => String) requisitionNumber!: string;
  @Field(() => String) unitName!: string;
  @Field(() => String) orderNumber!: string;
  @Field(() => String) fromPlaceName!: string;
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => String) status!: string;
}

@ObjectType('SupplySummaryBalance')
export class SummaryBalanceType {
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => String) placeName!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType('SupplySummary', { description: 'The day’s supply summary (17:30): intake by source, issues, allocations, balances now.' })
export class SupplySummaryType {
  @Field(() => String) day!: string;
  @Field(() => [SummaryIntakeType]) intakeBySource!: SummaryIntakeType[];
  @Field(() => [SummaryIssueType]) issues!: SummaryIssueType[];
  @Field(() => [SummaryAllocationType]) allocations!: SummaryAllocationType[];
  @Field(() => [SummaryBalanceType]) balances!: SummaryBalanceType[];
  @Field(() => Date, { nullable: true }) readyAt?: Date | null;
  @Field(() => String) readyByName!: string;
}

@InputType()
export class ProposeAllocationPlanInput {
  @Field(() => String, { description: 'YYYY-MM-DD (HQ time).' }) day!: string;
  @Field(() => [ID], { defaultValue: [], description: 'Member units counted as key areas today (重点地区优先).' }) keyUnitIds!: string[];
}

@InputType()
export class AllocationPlanLineEdit {
  @Field(() => ID) lineId!: string;
  @Field(() => Int, { description: '0 drops the take.' }) quantity!: number;
}

@InputType()
export class EditAllocationPlanInput {
  @Field(() => ID) planId!: string;
  @Field(() => [AllocationPlanLineEdit]) lines!: AllocationPlanLineEdit[];
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}

@InputType()
export class ApproveAllocationPlanInput {
  @Field(() => ID) planId!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
}

@InputType()
export class MarkSupplySummaryReadyInput {
  @Field(() => String, { description: 'YYYY-MM-DD (HQ time).' }) day!: string;
}
