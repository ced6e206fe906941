import { defineModule } from '../../core/module';
import type { MemberUnitService } from '../identity/member-unit.service';
import { SupplyCatalogueService, type SupplyPeople } from './catalogue.service';
import { SupplyIntakeService } from './intake.service';
import { SupplyLedgerService } from './ledger.service';
import { SUPPLY_CATALOGUE_TOPIC, SUPPLY_STOCK_TOPIC } from './logistics.events';
import { seedLogisticsDemo } from './logistics.demo';
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
  return defineModule(
    {
      name: 'logistics',
      workingGroup: 'LOGISTICS',
      entities: [SupplyItemSchema, SupplyPlaceSchema, SupplyIntakeSchema, SupplyEntrySchema, SupplyStockMinimumSchema],
      resolvers: [new LogisticsResolver(catalogue, ledger, intakes, balances), new SupplyUnitsResolver(deps.units)],
      migrations: [{ name: '0015-supply-ledger', class: Migration0015SupplyLedger }],
      topics: [SUPPLY_STOCK_TOPIC, SUPPLY_CATALOGUE_TOPIC],
      demoSeed: seedLogisticsDemo,
    },
    { ledger, catalogue, intakes, balances },
  );
}
