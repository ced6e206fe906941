import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who posts to the supply ledger (intake, issue, transfer, count, reversal): the logistics group. */
const LEDGER_DESK: readonly Role[] = ['LOGISTICS_OFFICER'];
/** Who keeps the catalogue and the places (and names a depot's keeper): the logistics group and the administrator. */
const CATALOGUE_KEEPERS: readonly Role[] = ['LOGISTICS_OFFICER', 'ADMIN'];
/** Who reads stock: all of HQ; a unit liaison only their unit's places and reserved stock (record-level, stock.queries.ts). */
const STOCK_READERS: readonly Role[] = [...HQ, 'UNIT_LIAISON'];

/** 后勤保障: the supply ledger, intake, requisitions, the daily allocation plan, call-ups and the daily summary (issue 22). */
export const LOGISTICS_POLICY = {
  // the catalogue and the places that hold stock
  supplyItems: STOCK_READERS,
  supplyPlaces: STOCK_READERS,
  supplyStockMinimums: HQ,
  supplyMemberUnits: HQ,
  createSupplyItem: CATALOGUE_KEEPERS,
  createSupplyPlace: CATALOGUE_KEEPERS,
  setSupplyPlaceKeeper: CATALOGUE_KEEPERS,
  setSupplyStockMinimum: CATALOGUE_KEEPERS,
  // the ledger (台账) and its balances
  stockBalances: STOCK_READERS,
  supplyLedger: STOCK_READERS,
  supplyEntry: STOCK_READERS,
  stockChanged: STOCK_READERS,
  supplyIntakes: STOCK_READERS,
  acceptSupplyIntake: LEDGER_DESK,
  advanceSupplyIntake: LEDGER_DESK,
  issueSupplies: LEDGER_DESK,
  transferSupplies: LEDGER_DESK,
  adjustSupplyStock: LEDGER_DESK,
  reverseSupplyEntry: LEDGER_DESK,
} as const satisfies PolicySlice;
