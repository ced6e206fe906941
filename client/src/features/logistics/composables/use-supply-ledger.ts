import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, reactive, ref, watch } from 'vue';
import {
  ReverseSupplyEntryDocument,
  StockChangedDocument,
  SupplyLedgerDocument,
  type SupplyEntryFieldsFragment,
  type SupplyEntryKind,
  type SupplyLedgerFilter,
} from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';
import { ANY } from './use-stock-balances';

export const PAGE_SIZES = [50, 100, 200] as const;

export interface LedgerFilters {
  search: string;
  kind: SupplyEntryKind | typeof ANY;
}

export function ledgerFilter(f: LedgerFilters, search: string): SupplyLedgerFilter {
  const filter: SupplyLedgerFilter = {};
  if (search.trim()) filter.search = search.trim();
  if (f.kind !== ANY) filter.kind = f.kind;
  return filter;
}

/** 台账: the ledger, searched and paged on the server, live (a new entry marks the pages stale). */
export function useSupplyLedger() {
  const filters = reactive<LedgerFilters>({ search: '', kind: ANY });
  const page = ref(1);
  const pageSize = ref<number>(50);
  const search = ref('');
  let typing: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => filters.search,
    (text) => {
      clearTimeout(typing);
      typing = setTimeout(() => (search.value = text), 250);
    },
  );
  onScopeDispose(() => clearTimeout(typing));
  const live = useLiveSubscription({ query: StockChangedDocument, reload: async () => void (await refresh()) });
  const variables = computed(() => ({
    filter: ledgerFilter(filters, search.value),
    first: pageSize.value,
    offset: (page.value - 1) * pageSize.value,
  }));
  watch(
    () => JSON.stringify(ledgerFilter(filters, search.value)) + pageSize.value,
    () => (page.value = 1),
  );
  const query = useQuery({ query: SupplyLedgerDocument, variables, pause: () => !live.ready.value });
  const refresh = () => query.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: query.error, reload: refresh });
  const entries = computed<readonly SupplyEntryFieldsFragment[]>(() => query.data.value?.supplyLedger.items ?? []);
  const total = computed(() => query.data.value?.supplyLedger.total ?? 0);

  const reverse = useKeyedMutation(ReverseSupplyEntryDocument);
  const { busy, run } = useAction();
  const reverseEntry = (entryId: string, reason: string) => run(entryId, () => reverse({ input: { entryId, reason } }));

  return { filters, page, pageSize, entries, total, fetching: query.fetching, error: query.error, refresh, reverseEntry, busy };
}
