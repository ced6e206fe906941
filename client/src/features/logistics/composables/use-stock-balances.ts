import { useQuery } from '@urql/vue';
import { computed, reactive, watch } from 'vue';
import {
  StockBalancesDocument,
  StockChangedDocument,
  type StockBalanceFieldsFragment,
  type StockBalanceFilter,
  type SupplyCategory,
} from '@cc/shared/operations';
import { useFreshIds } from '../../../app/use-fresh-ids';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

export const ANY = 'ALL';

export interface BalanceFilters {
  category: SupplyCategory | typeof ANY;
  placeId: string;
  atRiskOnly: boolean;
  search: string;
}

/** The server's filter: empty choices left out, so the cache key stays stable. */
export function balanceFilter(f: BalanceFilters): StockBalanceFilter {
  const filter: StockBalanceFilter = {};
  if (f.category !== ANY) filter.category = f.category;
  if (f.placeId !== ANY) filter.placeId = f.placeId;
  if (f.atRiskOnly) filter.atRiskOnly = true;
  return filter;
}

/** Rows matching the typed text (item or place), on the client: the board is one list already loaded. */
export function matchesText(b: StockBalanceFieldsFragment, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [b.itemName, b.placeName, b.reservedForUnitName].some((s) => s?.toLowerCase().includes(needle));
}

const FRESH_FOR_MS = 6_000;

/**
 * Live stock balances: `stockChanged` marks the cached balances stale (cache-updates.ts) and the
 * board re-reads them; the places an entry touched are highlighted for a moment.
 */
export function useStockBalances() {
  const filters = reactive<BalanceFilters>({ category: ANY, placeId: ANY, atRiskOnly: false, search: '' });
  const live = useLiveSubscription({ query: StockChangedDocument, reload: async () => void (await refresh()) });
  const variables = computed(() => ({ filter: balanceFilter(filters) }));
  const query = useQuery({ query: StockBalancesDocument, variables, pause: () => !live.ready.value });
  const refresh = () => query.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: query.error, reload: refresh });

  const all = computed<readonly StockBalanceFieldsFragment[]>(() => query.data.value?.stockBalances ?? []);
  const balances = computed(() => all.value.filter((b) => matchesText(b, filters.search)));
  const atRisk = computed(() => all.value.filter((b) => b.atRisk).length);

  const { fresh, mark } = useFreshIds(FRESH_FOR_MS);
  watch(live.data, (event) => {
    const entry = event?.stockChanged?.entry;
    if (!entry) return;
    for (const placeId of [entry.fromPlaceId, entry.toPlaceId]) {
      if (placeId) mark(`${entry.itemId}:${placeId}:${entry.reservedForUnitId ?? ''}`);
    }
  });

  return { filters, balances, all, atRisk, fresh, fetching: query.fetching, error: query.error, refresh };
}
