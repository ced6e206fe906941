import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tx } from '../../../core/unit-of-work';

/** A catalogue item as a requisition line copies it. */
export interface StockItem {
  id: string;
  name: string;
  unitOfMeasure: string;
  active: boolean;
}

/** Stock of one item at one place that anyone may be given (not reserved for another unit). */
export interface FreeStock {
  placeId: string;
  placeName: string;
  placeCode: string;
  itemId: string;
  quantity: number;
}

/**
 * What requisitions need of the supply ledger (ADR 0018): the catalogue, free stock, and posting
 * an issue or its reversal inside the caller's transaction. Implemented over the ledger's
 * service (logistics.ledger), never its tables, so the balance rules stay in one place.
 */
export interface RequisitionStock {
  items(em: EntityManager, ids: readonly string[]): Promise<StockItem[]>;
  freeStock(em: EntityManager, itemIds: readonly string[]): Promise<FreeStock[]>;
  /** Posts an ISSUE from `placeId` to the unit; returns the entry's id. Throws CONFLICT when stock is short. */
  issue(tx: Tx, line: { itemId: string; placeId: string; quantity: number; recipientUnitId: string; note: string }): Promise<string>;
  /** Posts the REVERSAL of an issue (the goods came back); returns the entry's id. */
  reverse(tx: Tx, entryId: string, reason: string): Promise<string>;
}
