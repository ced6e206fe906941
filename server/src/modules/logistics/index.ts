import { defineModule } from '../../core/module';
import { supplyBelowMinimumRule, supplyLowCoverRule } from './alert-rules/supply-stock.rules';
import type { DispatchOrderService } from '../dispatch/dispatch-order.service';
import { createCallUpsPart } from './call-ups';
import { createRequisitionsPart } from './requisitions';
import { ledgerStock } from './requisitions/ledger-stock';
import { createSupplyDayPart } from './supply-day';
import type { MemberUnitService } from '../identity/member-unit.service';
import { SupplyCatalogueService, type SupplyPeople } from './catalogue.service';
import { SupplyIntakeService } from './intake.service';
import { SupplyLedgerService } from './ledger.service';
import { SUPPLY_CATALOGUE_TOPIC, SUPPLY_STOCK_TOPIC } from './logistics.events';
import { seedLogisticsDemo } from './logistics.demo';
import { logisticsLeaderFigures } from './logistics.leader-figures';
import { LogisticsResolver } from './logistics.resolver';
import { Migration0015SupplyLedger } from './migrations/0015-supply-ledger';
import { StockQueries } from './stock.queries';
import { SupplyUnitsResolver } from './supply-units.resolver';
import { SupplyEntrySchema } from './supply-entry.entity';
import { SupplyIntakeSchema } from './supply-intake.entity';
import { SupplyItemSchema } from './supply-item.entity';
import { SupplyPlaceSchema } from './supply-place.entity';
import { SupplyStockMinimumSchema } from './supply-stock-minimum.entity';

export interface LogisticsModuleDeps {
  people: SupplyPeople;
  units: MemberUnitService;
  /** Dispatch's orders: an approved requisition's supplies travel on new orders (ADR 0018). */
  orders: DispatchOrderService;
}

/**
 * 后勤保障: the supply ledger, intake, requisitions, the daily allocation plan, call-ups and the daily summary (issue 22).
 * Other modules post through `ledger` (issueIn / transferIn / postAll / reverseIn, inside their own
 * transaction) and read through `balances` (stockBalances' rows, one statement).
 */
export function createLogisticsModule(deps: LogisticsModuleDeps) {
  const ledger = new SupplyLedgerService();
  const catalogue = new SupplyCatalogueService(deps.people, deps.units);
  const intakes = new SupplyIntakeService(ledger, deps.units);
  const balances = new StockQueries();
  const requisitions = createRequisitionsPart({ stock: ledgerStock(ledger), orders: deps.orders, units: deps.units });
  const supplyDay = createSupplyDayPart({ requisitions: requisitions.requisitions });
  const callUps = createCallUpsPart();
  return defineModule(
    {
      name: 'logistics',
      workingGroup: 'LOGISTICS',
      entities: [
        SupplyItemSchema,
        SupplyPlaceSchema,
        SupplyIntakeSchema,
        SupplyEntrySchema,
        SupplyStockMinimumSchema,
        ...requisitions.entities,
        ...supplyDay.entities,
        ...callUps.entities,
      ],
      resolvers: [
        new LogisticsResolver(catalogue, ledger, intakes, balances),
        new SupplyUnitsResolver(deps.units),
        ...requisitions.resolvers,
        ...supplyDay.resolvers,
        ...callUps.resolvers,
      ],
      migrations: [{ name: '0015-supply-ledger', class: Migration0015SupplyLedger }, ...requisitions.migrations],
      topics: [SUPPLY_STOCK_TOPIC, SUPPLY_CATALOGUE_TOPIC, ...requisitions.topics, ...supplyDay.topics, ...callUps.topics],
      alertRules: [supplyBelowMinimumRule(balances), supplyLowCoverRule(balances), ...supplyDay.alertRules],
      leaderFigures: logisticsLeaderFigures(balances),
      // Requisitions still open are work the unit has with HQ: a zero report beside them is flagged (瞒报).
      unitOpenWork: async (em, unitId) => {
        const count = await requisitions.requisitions.openCountForUnit(em, unitId);
        return count > 0 ? [{ kind: 'openRequisitions', count }] : [];
      },
      demoSeed: seedLogisticsDemo,
    },
    {
      ledger,
      catalogue,
      intakes,
      balances,
      /** `requisitions.openCountForUnit(em, unitId)`: a unit's open requisitions (the coordination module's zero-report check). */
      requisitions: requisitions.requisitions,
      /** The cargo port dispatch calls at each order step (modules/index.ts binds it). */
      shipments: requisitions.shipments,
      supplyDay: supplyDay.days,
      callUps: callUps.callUps,
    },
  );
}
