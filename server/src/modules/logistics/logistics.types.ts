import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  SUPPLY_CATEGORIES,
  SUPPLY_ENTRY_KINDS,
  SUPPLY_INTAKE_STEPS,
  SUPPLY_PLACE_KINDS,
  SUPPLY_SOURCES,
  type SupplyCategory,
  type SupplyEntryKind,
  type SupplyIntakeStep,
  type SupplyPlaceKind,
  type SupplySource,
} from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';

/*
 * The supply ledger's API. Reads are flat rows joined in ONE statement (names of items, places and
 * units included), so a board of thousands of balances or a page of the ledger costs one query.
 */

export const SupplyCategoryEnum = graphqlEnum(SUPPLY_CATEGORIES, 'SupplyCategory', '消毒用品 口罩 防护服 测温器材 生活必需品 其他.');
export const SupplyPlaceKindEnum = graphqlEnum(SUPPLY_PLACE_KINDS, 'SupplyPlaceKind', '仓库 DEPOT, 交通检疫点 CHECKPOINT, 成员单位 UNIT.');
export const SupplyEntryKindEnum = graphqlEnum(SUPPLY_ENTRY_KINDS, 'SupplyEntryKind', '入库 出库 调拨 盘点调整 冲销.');
export const SupplySourceEnum = graphqlEnum(SUPPLY_SOURCES, 'SupplySource', '集中采购 本地生产 上级下拨 捐赠.');
export const SupplyIntakeStepEnum = graphqlEnum(SUPPLY_INTAKE_STEPS, 'SupplyIntakeStep', '验收 核实 登记 入库.');

@ObjectType('SupplyItem', { description: '物资: an item of the catalogue.' })
export class SupplyItemType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The unit it is counted in: 箱, 瓶, 件…' }) unitOfMeasure!: string;
  @Field(() => SupplyCategoryEnum) category!: SupplyCategory;
  @Field(() => ID, { nullable: true, description: 'Issued to this member unit only (专物专用), e.g. medical masks to the health system.' })
  channelUnitId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Alert below this many days of cover at a place.' }) coverDaysFloor?: number | null;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Int) version!: number;
}

@ObjectType('SupplyPlace', { description: 'A place that holds stock: a depot (专人专库), a traffic checkpoint or a member unit.' })
export class SupplyPlaceType {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => SupplyPlaceKindEnum) kind!: SupplyPlaceKind;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A depot’s designated keeper.' }) keeperId?: string | null;
  @Field(() => String) keeperName!: string;
  @Field(() => ID, { nullable: true }) standInId?: string | null;
  @Field(() => String) standInName!: string;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Int) version!: number;
}

@ObjectType('StockBalance', { description: 'What a place holds of an item (one reserved-for bucket), derived from the ledger.' })
export class StockBalanceType {
  @Field(() => ID, { description: 'item:place:reserved — stable for a client’s cache.' }) key!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => SupplyCategoryEnum) category!: SupplyCategory;
  @Field(() => ID) placeId!: string;
  @Field(() => String) placeName!: string;
  @Field(() => SupplyPlaceKindEnum) placeKind!: SupplyPlaceKind;
  @Field(() => ID, { nullable: true, description: 'A directed donation’s recipient: this stock is theirs alone, not allocatable.' })
  reservedForUnitId?: string | null;
  @Field(() => String, { nullable: true }) reservedForUnitName?: string | null;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { nullable: true }) minimum?: number | null;
  @Field(() => Float, { description: 'Average daily outflow over the last 7 days.' }) dailyUse!: number;
  @Field(() => Float, { nullable: true, description: 'quantity / dailyUse; null when nothing left recently.' }) daysOfCover?: number | null;
  @Field(() => Boolean, { description: 'Below its minimum or its item’s days-of-cover floor.' }) atRisk!: boolean;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType('SupplyEntry', { description: '台账: one ledger entry. Never changed; a correction is a REVERSAL naming it.' })
export class SupplyEntryType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The ledger’s order.' }) seq!: number;
  @Field(() => SupplyEntryKindEnum) kind!: SupplyEntryKind;
  @Field(() => ID) itemId!: string;
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ID, { nullable: true }) fromPlaceId?: string | null;
  @Field(() => String, { nullable: true }) fromPlaceName?: string | null;
  @Field(() => ID, { nullable: true }) toPlaceId?: string | null;
  @Field(() => String, { nullable: true }) toPlaceName?: string | null;
  @Field(() => ID, { nullable: true }) reservedForUnitId?: string | null;
  @Field(() => String, { nullable: true }) reservedForUnitName?: string | null;
  @Field(() => ID, { nullable: true }) recipientUnitId?: string | null;
  @Field(() => String, { nullable: true }) recipientUnitName?: string | null;
  @Field(() => String) recipientText!: string;
  @Field(() => ID, { nullable: true }) intakeId?: string | null;
  @Field(() => ID, { nullable: true }) reversesEntryId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The reversal of this entry, once reversed.' }) reversedById?: string | null;
  @Field(() => String) reason!: string;
  @Field(() => String) note!: string;
  @Field(() => Date) postedAt!: Date;
  @Field(() => String) postedByName!: string;
}

@ObjectType('SupplyLedgerPage', { description: 'One page of the ledger, newest first.' })
export class SupplyLedgerPageType {
  @Field(() => [SupplyEntryType]) items!: SupplyEntryType[];
  @Field(() => Int) total!: number;
}

@ObjectType('SupplyIntake', { description: '入库单: a receipt through 验收、核实、登记、入库, who and when for each step.' })
export class SupplyIntakeType {
  @Field(() => ID) id!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => ID) placeId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => SupplySourceEnum) source!: SupplySource;
  @Field(() => String) supplier!: string;
  @Field(() => ID, { nullable: true, description: '定点捐赠: reserved for this unit.' }) reservedForUnitId?: string | null;
  @Field(() => Boolean, { description: '先采购后备案: an emergency purchase filed after the fact.' }) filedAfterPurchase!: boolean;
  @Field(() => String, { nullable: true }) purchasedOn?: string | null;
  @Field(() => SupplyIntakeStepEnum) status!: SupplyIntakeStep;
  @Field(() => Date) acceptedAt!: Date;
  @Field(() => String) acceptedByName!: string;
  @Field(() => Date, { nullable: true }) verifiedAt?: Date | null;
  @Field(() => String, { nullable: true }) verifiedByName?: string | null;
  @Field(() => String) qualityNote!: string;
  @Field(() => Date, { nullable: true }) registeredAt?: Date | null;
  @Field(() => String, { nullable: true }) registeredByName?: string | null;
  @Field(() => Date, { nullable: true }) stockedAt?: Date | null;
  @Field(() => String, { nullable: true }) stockedByName?: string | null;
  @Field(() => String) note!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('SupplyStockMinimum', { description: 'The least an item should be held at a place.' })
export class SupplyStockMinimumType {
  @Field(() => ID) id!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => ID) placeId!: string;
  @Field(() => Int) minimum!: number;
}

@ObjectType('SupplyEntryChange', { description: 'A committed ledger entry, as it is (entries never change).' })
export class SupplyEntryChangeType extends ChangeOf(() => SupplyEntryType, 'entry') {}
