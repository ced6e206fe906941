import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupplyLedgerService } from '../ledger.service';
import type { FreeStock, RequisitionStock, StockItem } from './requisition-stock.port';

/**
 * Requisitions' view of the ledger, inside the logistics module: reads of the catalogue and of
 * the balances the ledger's trigger keeps, postings through the ledger service only.
 */
export function ledgerStock(ledger: SupplyLedgerService): RequisitionStock {
  return {
    async items(em: EntityManager, ids: readonly string[]): Promise<StockItem[]> {
      if (ids.length === 0) return [];
      const rows = await em.execute<{ id: string; name: string; unit_of_measure: string; active: boolean }[]>(
        'select id, name, unit_of_measure, active from supply_item where id = any(?::uuid[])',
        [`{${ids.join(',')}}`],
      );
      return rows.map((r) => ({ id: r.id, name: r.name, unitOfMeasure: r.unit_of_measure, active: r.active }));
    },

    /** Depots only: a checkpoint's and a unit's stock are theirs to use, not to ship on. Unreserved stock only. */
    async freeStock(em: EntityManager, itemIds: readonly string[]): Promise<FreeStock[]> {
      if (itemIds.length === 0) return [];
      const rows = await em.execute<{ place_id: string; place_name: string; place_code: string; item_id: string; quantity: string }[]>(
        `select b.place_id, p.name as place_name, p.code as place_code, b.item_id, b.quantity
           from supply_balance b join supply_place p on p.id = b.place_id
          where b.item_id = any(?::uuid[]) and b.reserved_for_unit_id is null and b.quantity > 0
            and p.kind = 'DEPOT' and p.active
          order by p.code`,
        [`{${itemIds.join(',')}}`],
      );
      return rows.map((r) => ({
        placeId: r.place_id,
        placeName: r.place_name,
        placeCode: r.place_code,
        itemId: r.item_id,
        quantity: Number(r.quantity),
      }));
    },

    async issue(tx, line): Promise<string> {
      // Not the keeper's act: the requisition's approval authorised it and the order's departure
      // (by the transport dispatcher) is when the goods leave (ADR 0018).
      const entry = await ledger.issueIn(
        tx,
        { itemId: line.itemId, placeId: line.placeId, quantity: line.quantity, recipientUnitId: line.recipientUnitId, note: line.note },
        { checkKeeper: false },
      );
      return entry.id;
    },

    async reverse(tx, entryId, reason): Promise<string> {
      const entry = await ledger.reverseIn(tx, { entryId, reason }, { checkKeeper: false });
      return entry.id;
    },
  };
}
