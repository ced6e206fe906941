import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who posts to the supply ledger (intake, issue, transfer, count, reversal): the logistics group. */
const LEDGER_DESK: readonly Role[] = ['LOGISTICS_OFFICER'];
/** Who keeps the catalogue and the places (and names a depot's keeper): the logistics group and the administrator. */
const CATALOGUE_KEEPERS: readonly Role[] = ['LOGISTICS_OFFICER', 'ADMIN'];
/** Who reads stock: all of HQ; a unit liaison only their unit's places and reserved stock (record-level, stock.queries.ts). */
const STOCK_READERS: readonly Role[] = [...HQ, 'UNIT_LIAISON'];
/** Who runs an emergency call-up: logistics, and the leader on duty. */
const CALL_UP_DESK: readonly Role[] = ['LOGISTICS_OFFICER', 'LEADER'];

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
  // Requisitions (防控物资申请审批单): a liaison files and withdraws for their own unit and sees
  // its own (record-level: requisition.policy.ts); logistics decides; every HQ role reads them.
  requisitions: [...HQ, 'UNIT_LIAISON'],
  requisition: [...HQ, 'UNIT_LIAISON'],
  requisitionChanged: [...HQ, 'UNIT_LIAISON'],
  fileRequisition: ['UNIT_LIAISON'],
  withdrawRequisition: ['UNIT_LIAISON'],
  decideRequisition: ['LOGISTICS_OFFICER'],
  // The supply day (plan 2 §3.5): logistics proposes and edits the daily allocation plan, a leader
  // approves it; the deadlines are logistics' and the administrator's to set. The day's summary is
  // also read by the oversight role (纪委备案), read-only.
  supplyDay: HQ,
  supplyDayChanged: HQ,
  supplySummary: [...HQ, 'INSPECTOR'],
  setSupplyDayTimes: ['LOGISTICS_OFFICER', 'ADMIN'],
  proposeAllocationPlan: ['LOGISTICS_OFFICER'],
  editAllocationPlan: ['LOGISTICS_OFFICER'],
  approveAllocationPlan: ['LEADER'],
  markSupplySummaryReady: ['LOGISTICS_OFFICER'],
  // Emergency call-ups (plan 5): logistics runs them, the leader may step in; all HQ reads them.
  callUps: HQ,
  callUp: HQ,
  callUpChanged: HQ,
  openCallUp: CALL_UP_DESK,
  advanceCallUp: CALL_UP_DESK,
  requestSupplySupport: CALL_UP_DESK,
  recordSupportIntake: CALL_UP_DESK,
  withdrawSupportRequest: CALL_UP_DESK,
} as const satisfies PolicySlice;
