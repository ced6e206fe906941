import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, reactive, ref, watch } from 'vue';
import { hqDay } from '@cc/shared';
import {
  DutyCallChangedDocument,
  DutyLogDocument,
  type DutyCallCategory,
  type DutyCallFieldsFragment,
  type DutyCallStatus,
  type DutyCallUrgency,
  type DutyLogFilter,
  type WorkingGroup,
} from '@cc/shared/operations';
import { useFreshIds } from '../../../app/use-fresh-ids';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/** How long a call that just arrived live stays highlighted. */
const FRESH_FOR_MS = 6_000;
/** The server pages at most 200 calls at a time. */
export const PAGE_SIZES = [50, 100, 200] as const;
/** The selects' value for "any" (an empty value would read as a placeholder). */
export const ANY = 'ALL';

/** The filters the server applies; ANY is "any". */
export interface DutyLogFilters {
  day: string;
  search: string;
  category: DutyCallCategory | typeof ANY;
  urgency: DutyCallUrgency | typeof ANY;
  status: DutyCallStatus | typeof ANY;
  forwardedTo: WorkingGroup | typeof ANY;
}

/** The server's filter from the form's: empty choices left out, so the cache key stays stable. */
export function logFilter(filters: DutyLogFilters, search: string): DutyLogFilter {
  const filter: DutyLogFilter = { day: filters.day };
  if (search.trim()) filter.search = search.trim();
  if (filters.category !== ANY) filter.category = filters.category;
  if (filters.urgency !== ANY) filter.urgency = filters.urgency;
  if (filters.status !== ANY) filter.status = filters.status;
  if (filters.forwardedTo !== ANY) filter.forwardedTo = filters.forwardedTo;
  return filter;
}

/**
 * The day's duty log, live: the server filters and pages it, graphcache keeps the first page
 * current from `dutyCallChanged` (cache-updates.ts), and calls that arrive live are marked.
 */
export function useDutyLog() {
  const filters = reactive<DutyLogFilters>({
    day: hqDay(new Date()),
    search: '',
    category: ANY,
    urgency: ANY,
    status: ANY,
    forwardedTo: ANY,
  });
  const page = ref(1);
  const pageSize = ref<number>(200);
  // Typing in the search box asks the server once the typing pauses.
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

  const live = useLiveSubscription({
    query: DutyCallChangedDocument,
    reload: async () => void (await refresh()),
  });

  const variables = computed(() => ({
    filter: logFilter(filters, search.value),
    first: pageSize.value,
    offset: (page.value - 1) * pageSize.value,
  }));
  // Another filter or day starts again at the first page.
  watch(
    () => JSON.stringify(logFilter(filters, search.value)) + pageSize.value,
    () => (page.value = 1),
  );

  const log = useQuery({
    query: DutyLogDocument,
    variables,
    // Only after the resume position is known: events between the two are then replayed, not lost.
    pause: () => !live.ready.value,
  });
  const refresh = () => log.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: log.error, reload: refresh });

  const calls = computed<readonly DutyCallFieldsFragment[]>(() => log.data.value?.dutyLog.items ?? []);
  const total = computed(() => log.data.value?.dutyLog.total ?? 0);

  const { fresh, mark } = useFreshIds(FRESH_FOR_MS);
  /** The last call that arrived live, for the screen reader's announcement. */
  const arrived = ref<string | null>(null);
  watch(live.data, (event) => {
    const change = event?.dutyCallChanged;
    if (change?.kind === 'CREATED' && change.call) {
      mark(change.call.id);
      arrived.value = change.call.number;
    }
  });

  return { filters, page, pageSize, calls, total, fresh, arrived, fetching: log.fetching, error: log.error, refresh, variables };
}
