import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';

/**
 * Balances are derived on the server (sums, 7-day use, days of cover), so the console does not
 * recompute them: any posted entry — ours, or another console's through `stockChanged` — marks the
 * cached balances and ledger pages stale, and the pages on screen re-fetch them (one statement each).
 */
export function invalidateStock(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'stockBalances' || field.fieldName === 'supplyLedger') cache.invalidate('Query', field.fieldKey);
  }
}

function invalidateIntakes(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'supplyIntakes') cache.invalidate('Query', field.fieldKey);
  }
}

export const logisticsCacheKeys: KeyingConfig = {
  StockBalance: (b) => (typeof b['key'] === 'string' ? b['key'] : null),
  SupplyEntryChange: () => null,
  SupplyLedgerPage: () => null,
};

const stale = (_result: unknown, _args: unknown, cache: Cache) => invalidateStock(cache);

export const logisticsCacheUpdates: UpdatesConfig = {
  Subscription: { stockChanged: stale },
  Mutation: {
    issueSupplies: stale,
    transferSupplies: stale,
    adjustSupplyStock: stale,
    reverseSupplyEntry: stale,
    acceptSupplyIntake: (_r, _a, cache) => invalidateIntakes(cache),
    advanceSupplyIntake: (_r, _a, cache) => {
      invalidateIntakes(cache);
      invalidateStock(cache);
    },
  },
};
