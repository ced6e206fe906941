import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { PermitQueueDocument, PermitRequestChangedDocument, type PermitRequestFieldsFragment } from '@cc/shared/operations';
import { useFreshIds } from '../../../app/use-fresh-ids';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

const FRESH_FOR_MS = 6_000;
const QUEUE_SIZE = 200;

/**
 * 待审批, live: the server keeps the order (green channel first, then the longest waiting), so a
 * request filed, answered or reviewed anywhere re-reads the queue; a new one is marked fresh.
 */
export function usePermitQueue() {
  const live = useLiveSubscription({ query: PermitRequestChangedDocument, reload: async () => void (await reload()) });
  const queue = useQuery({ query: PermitQueueDocument, variables: { first: QUEUE_SIZE, offset: 0 }, pause: () => !live.ready.value });
  const reload = () => queue.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: queue.error, reload });

  const items = computed<PermitRequestFieldsFragment[]>(() => queue.data.value?.permitQueue.items ?? []);
  const total = computed(() => queue.data.value?.permitQueue.total ?? 0);
  const greenTotal = computed(() => queue.data.value?.permitQueue.greenTotal ?? 0);
  const { fresh, mark } = useFreshIds(FRESH_FOR_MS);
  watch(live.data, (event) => {
    const change = event?.permitRequestChanged;
    if (!change) return;
    if (change.request.status === 'SUBMITTED' && !items.value.some((r) => r.id === change.request.id)) mark(change.request.id);
    void reload();
  });

  return { items, total, greenTotal, fresh, fetching: queue.fetching, error: queue.error, refresh: reload };
}
