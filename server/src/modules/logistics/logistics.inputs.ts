import { Field, ID, InputType, Int } from 'type-graphql';
import type { SupplyCategory, SupplyEntryKind, SupplyIntakeStep, SupplyPlaceKind, SupplySource } from '@cc/shared';
import { SupplyCategoryEnum, SupplyEntryKindEnum, SupplyIntakeStepEnum, SupplyPlaceKindEnum, SupplySourceEnum } from './logistics.types';

@InputType({ description: 'A new catalogue item.' })
export class CreateSupplyItemInput {
  @Field(() => String, { description: 'Up to 60 characters, unique.' }) name!: string;
  @Field(() => String, { description: '箱, 瓶, 件… up to 10 characters.' }) unitOfMeasure!: string;
  @Field(() => SupplyCategoryEnum) category!: SupplyCategory;
  @Field(() => ID, { nullable: true, description: 'Issue to this member unit only (e.g. medical masks: the health system).' })
  channelUnitId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Days of cover below which a place is at risk; 7 for necessities when omitted.' })
  coverDaysFloor?: number | null;
}

@InputType({ description: 'A new place that holds stock. A depot needs its keeper (专人专库); a unit’s place its member unit.' })
export class CreateSupplyPlaceInput {
  @Field(() => String, { description: 'Capitals, digits, - and _.' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => SupplyPlaceKindEnum) kind!: SupplyPlaceKind;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => ID, { nullable: true }) keeperId?: string | null;
  @Field(() => ID, { nullable: true }) standInId?: string | null;
}

@InputType({ description: 'Names a depot’s keeper and stand-in.' })
export class SetSupplyPlaceKeeperInput {
  @Field(() => ID) placeId!: string;
  @Field(() => ID) keeperId!: string;
  @Field(() => ID, { nullable: true }) standInId?: string | null;
}

@InputType({ description: 'The least an item should be held at a place; 0 clears it.' })
export class SetSupplyStockMinimumInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID) placeId!: string;
  @Field(() => Int) minimum!: number;
}

@InputType({ description: '验收: a receipt accepted at a place; it enters stock at its last step.' })
export class AcceptSupplyIntakeInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID) placeId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => SupplySourceEnum) source!: SupplySource;
  @Field(() => String, { nullable: true, description: 'Supplier, producer, allocating authority or donor.' }) supplier?: string | null;
  @Field(() => ID, { nullable: true, description: '定点捐赠: the unit a directed donation is for (donations only).' })
  reservedForUnitId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '先采购后备案: an emergency purchase filed after the fact.' })
  filedAfterPurchase?: boolean | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the emergency purchase was made.' }) purchasedOn?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'Takes an intake to its next step: 核实 VERIFIED (quality checked), 登记 REGISTERED, 入库 STOCKED.' })
export class AdvanceSupplyIntakeInput {
  @Field(() => ID) intakeId!: string;
  @Field(() => SupplyIntakeStepEnum, { description: 'The step being taken; must be the next one.' }) step!: SupplyIntakeStep;
  @Field(() => String, { nullable: true, description: 'At VERIFIED: what the quality check found.' }) qualityNote?: string | null;
}

@InputType({ description: '出库: stock leaves a place for a recipient.' })
export class IssueSuppliesInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID) placeId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ID, { nullable: true }) recipientUnitId?: string | null;
  @Field(() => String, { nullable: true, description: 'Who receives it when not (only) a member unit.' }) recipientText?: string | null;
  @Field(() => ID, { nullable: true, description: 'Issue from the stock reserved for this unit (a directed donation).' })
  reservedForUnitId?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: '调拨: stock moves from one place to another.' })
export class TransferSuppliesInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID) fromPlaceId!: string;
  @Field(() => ID) toPlaceId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ID, { nullable: true }) reservedForUnitId?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: '盘点: the quantity counted at a place; the difference is posted with its reason.' })
export class AdjustSupplyStockInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID) placeId!: string;
  @Field(() => ID, { nullable: true }) reservedForUnitId?: string | null;
  @Field(() => Int) counted!: number;
  @Field(() => String) reason!: string;
}

@InputType({ description: '冲销: reverses a ledger entry with a new one.' })
export class ReverseSupplyEntryInput {
  @Field(() => ID) entryId!: string;
  @Field(() => String) reason!: string;
}

@InputType({ description: 'Which balances to show.' })
export class StockBalanceFilter {
  @Field(() => ID, { nullable: true }) itemId?: string | null;
  @Field(() => ID, { nullable: true }) placeId?: string | null;
  @Field(() => SupplyCategoryEnum, { nullable: true }) category?: SupplyCategory | null;
  @Field(() => Boolean, { nullable: true, description: 'Only balances at risk.' }) atRiskOnly?: boolean | null;
}

@InputType({ description: 'Which ledger entries a page shows; every field narrows it.' })
export class SupplyLedgerFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Item, place, recipient, note or reason containing this text, or the entry’s number.',
  })
  search?: string | null;
  @Field(() => SupplyEntryKindEnum, { nullable: true }) kind?: SupplyEntryKind | null;
  @Field(() => ID, { nullable: true }) itemId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries leaving or entering this place.' }) placeId?: string | null;
}
