import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { canSeeUnit } from '../../core/auth/unit-scope';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { commit } from '../../core/unit-of-work';
import type { SupplyCatalogueService } from './catalogue.service';
import type { SupplyIntakeService } from './intake.service';
import type { SupplyLedgerService } from './ledger.service';
import { SUPPLY_STOCK_TOPIC } from './logistics.events';
import {
  AcceptSupplyIntakeInput,
  AdjustSupplyStockInput,
  AdvanceSupplyIntakeInput,
  CreateSupplyItemInput,
  CreateSupplyPlaceInput,
  IssueSuppliesInput,
  ReverseSupplyEntryInput,
  SetSupplyPlaceKeeperInput,
  SetSupplyStockMinimumInput,
  StockBalanceFilter,
  SupplyLedgerFilter,
  TransferSuppliesInput,
} from './logistics.inputs';
import {
  StockBalanceType,
  SupplyEntryChangeType,
  SupplyEntryType,
  SupplyIntakeType,
  SupplyItemType,
  SupplyLedgerPageType,
  SupplyPlaceType,
  SupplyStockMinimumType,
} from './logistics.types';
import type { StockQueries } from './stock.queries';
import type { SupplyEntry } from './supply-entry.entity';
import type { SupplyIntake } from './supply-intake.entity';
import type { SupplyItem } from './supply-item.entity';
import type { SupplyPlace } from './supply-place.entity';
import type { SupplyStockMinimum } from './supply-stock-minimum.entity';

/** HQ sees every movement; a unit liaison those touching their unit (the payload names the units, so no read). */
const stockChanges = liveChanges({
  operation: 'stockChanged',
  topic: SUPPLY_STOCK_TOPIC,
  canSee: (viewer, event) => event.payload.unitIds.some((u) => canSeeUnit(viewer, u)) || canSeeUnit(viewer, null),
});

/** 后勤保障: the catalogue, the places, intake, the ledger and its balances. */
@Resolver()
export class LogisticsResolver {
  constructor(
    private readonly catalogue: SupplyCatalogueService,
    private readonly ledger: SupplyLedgerService,
    private readonly intakes: SupplyIntakeService,
    private readonly queries: StockQueries,
  ) {}

  @Allow('supplyItems')
  @Query(() => [SupplyItemType], { description: 'The catalogue, by category and name.' })
  supplyItems(@Ctx() ctx: Context): Promise<SupplyItem[]> {
    return this.catalogue.items(ctx.em);
  }

  @Allow('supplyPlaces')
  @Query(() => [SupplyPlaceType], { description: 'Depots, checkpoints and units’ places; a liaison sees their unit’s only.' })
  supplyPlaces(@Ctx() ctx: Context): Promise<SupplyPlace[]> {
    return this.catalogue.places(ctx.em, ctx.viewer);
  }

  @Allow('supplyStockMinimums')
  @Query(() => [SupplyStockMinimumType])
  supplyStockMinimums(@Ctx() ctx: Context): Promise<SupplyStockMinimum[]> {
    return this.catalogue.minimums(ctx.em);
  }

  @Allow('stockBalances')
  @Query(() => [StockBalanceType], {
    description: 'Live balances derived from the ledger, with 7-day use, days of cover and risk; one statement.',
  })
  stockBalances(@Ctx() ctx: Context, @Arg('filter', () => StockBalanceFilter, { nullable: true }) filter: StockBalanceFilter | null) {
    return this.queries.balances(ctx.em, ctx.viewer, filter, ctx.clock.now());
  }

  @Allow('supplyLedger')
  @Query(() => SupplyLedgerPageType, { description: 'The ledger, newest first, searched and paged on the server.' })
  supplyLedger(
    @Ctx() ctx: Context,
    @Arg('filter', () => SupplyLedgerFilter, { nullable: true }) filter: SupplyLedgerFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ) {
    return this.queries.ledger(ctx.em, ctx.viewer, filter, first, offset);
  }

  @Allow('supplyEntry')
  @Query(() => SupplyEntryType, { nullable: true, description: 'One entry; null when it does not exist or is not yours to see.' })
  supplyEntry(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.queries.entry(ctx.em, ctx.viewer, id);
  }

  @Allow('supplyIntakes')
  @Query(() => [SupplyIntakeType], { description: 'Intakes, open ones first.' })
  supplyIntakes(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<SupplyIntake[]> {
    return this.intakes.list(ctx.em, ctx.viewer, first);
  }

  @Allow('createSupplyItem')
  @Mutation(() => SupplyItemType)
  createSupplyItem(@Ctx() ctx: Context, @Arg('input', () => CreateSupplyItemInput) input: CreateSupplyItemInput): Promise<SupplyItem> {
    return this.catalogue.createItem(ctx, input);
  }

  @Allow('createSupplyPlace')
  @Mutation(() => SupplyPlaceType)
  createSupplyPlace(@Ctx() ctx: Context, @Arg('input', () => CreateSupplyPlaceInput) input: CreateSupplyPlaceInput): Promise<SupplyPlace> {
    return this.catalogue.createPlace(ctx, input);
  }

  @Allow('setSupplyPlaceKeeper')
  @Mutation(() => SupplyPlaceType, { description: '专人专库: names a place’s keeper and stand-in.' })
  setSupplyPlaceKeeper(
    @Ctx() ctx: Context,
    @Arg('input', () => SetSupplyPlaceKeeperInput) input: SetSupplyPlaceKeeperInput,
  ): Promise<SupplyPlace> {
    return this.catalogue.setKeeper(ctx, input);
  }

  @Allow('setSupplyStockMinimum')
  @Mutation(() => SupplyStockMinimumType)
  setSupplyStockMinimum(
    @Ctx() ctx: Context,
    @Arg('input', () => SetSupplyStockMinimumInput) input: SetSupplyStockMinimumInput,
  ): Promise<SupplyStockMinimum> {
    return this.catalogue.setMinimum(ctx, input);
  }

  @Allow('acceptSupplyIntake')
  @Mutation(() => SupplyIntakeType, { description: '验收: accepts a receipt at a place (by a depot’s keeper or stand-in).' })
  acceptSupplyIntake(
    @Ctx() ctx: Context,
    @Arg('input', () => AcceptSupplyIntakeInput) input: AcceptSupplyIntakeInput,
  ): Promise<SupplyIntake> {
    return this.intakes.accept(ctx, input);
  }

  @Allow('advanceSupplyIntake')
  @Mutation(() => SupplyIntakeType, { description: '核实 → 登记 → 入库; the last step posts the ledger entry.' })
  advanceSupplyIntake(
    @Ctx() ctx: Context,
    @Arg('input', () => AdvanceSupplyIntakeInput) input: AdvanceSupplyIntakeInput,
  ): Promise<SupplyIntake> {
    return this.intakes.advance(ctx, input);
  }

  @Allow('issueSupplies')
  @Mutation(() => SupplyEntryType, {
    description: '出库. Not enough stock (also when others issued first): CONFLICT, reason supply/insufficient_stock, with `available`.',
  })
  async issueSupplies(@Ctx() ctx: Context, @Arg('input', () => IssueSuppliesInput) input: IssueSuppliesInput) {
    return this.reRead(ctx, await commit(ctx, 'issueSupplies', input, (tx) => this.ledger.issueIn(tx, input)));
  }

  @Allow('transferSupplies')
  @Mutation(() => SupplyEntryType, { description: '调拨: between two places.' })
  async transferSupplies(@Ctx() ctx: Context, @Arg('input', () => TransferSuppliesInput) input: TransferSuppliesInput) {
    return this.reRead(ctx, await commit(ctx, 'transferSupplies', input, (tx) => this.ledger.transferIn(tx, input)));
  }

  @Allow('adjustSupplyStock')
  @Mutation(() => SupplyEntryType, { description: '盘点: posts the difference between the count and the ledger, with its reason.' })
  async adjustSupplyStock(@Ctx() ctx: Context, @Arg('input', () => AdjustSupplyStockInput) input: AdjustSupplyStockInput) {
    return this.reRead(ctx, await commit(ctx, 'adjustSupplyStock', input, (tx) => this.ledger.adjustIn(tx, input)));
  }

  @Allow('reverseSupplyEntry')
  @Mutation(() => SupplyEntryType, { description: '冲销: a new entry undoing one; an entry is reversed at most once.' })
  async reverseSupplyEntry(@Ctx() ctx: Context, @Arg('input', () => ReverseSupplyEntryInput) input: ReverseSupplyEntryInput) {
    return this.reRead(ctx, await commit(ctx, 'reverseSupplyEntry', input, (tx) => this.ledger.reverseIn(tx, input)));
  }

  @Allow('stockChanged')
  @Subscription(() => SupplyEntryChangeType, {
    nullable: true,
    description: 'Every committed ledger entry after `after`, then live; re-read stockBalances for the places it names.',
    subscribe: stockChanges.subscribe,
  })
  stockChanged(
    @Root() event: EventRecord<typeof SUPPLY_STOCK_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<SupplyEntryType> | null> {
    return stockChanges.resolve(event, (e) => this.queries.entry(ctx.em, ctx.viewer, e.entityId));
  }

  /** The committed entry as the ledger shows it (names joined). */
  private async reRead(ctx: Context, entry: SupplyEntry): Promise<SupplyEntryType> {
    return (await this.queries.entry(ctx.em, ctx.viewer, entry.id)) ?? Promise.reject(new Error(`entry ${entry.id} vanished`));
  }
}
