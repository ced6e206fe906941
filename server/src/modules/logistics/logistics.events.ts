import type { SupplyEntryKind } from '@cc/shared';

/**
 * Stock moved: one ledger entry was posted. `unitIds` names the member units the entry concerns
 * (places of a unit, the recipient, the reserved-for unit), so a unit liaison's stream keeps
 * only their unit's without a read; consoles re-read the balances it names.
 */
export interface SupplyStockEventPayload {
  kind: SupplyEntryKind;
  itemId: string;
  placeIds: string[];
  unitIds: string[];
  quantity: number;
}

/** The catalogue, a place, a minimum or an intake's step changed. */
export interface SupplyCatalogueEventPayload {
  what: 'ITEM' | 'PLACE' | 'MINIMUM' | 'INTAKE';
  unitIds: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    supplyStock: SupplyStockEventPayload;
    supplyCatalogue: SupplyCatalogueEventPayload;
  }
}

export const SUPPLY_STOCK_TOPIC = 'supplyStock' as const;
export const SUPPLY_CATALOGUE_TOPIC = 'supplyCatalogue' as const;
