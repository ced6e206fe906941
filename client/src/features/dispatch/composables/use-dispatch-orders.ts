import { useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { DISPATCH_ORDER_ACTIVE_STATUSES } from '@cc/shared';
import { DispatchOrderChangedDocument, DispatchOrdersDocument, type DispatchOrderStatus } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

const FINISHED: DispatchOrderStatus[] = ['COMPLETED', 'CANCELLED'];

/**
 * The order queue: active orders in the server's priority order (green channel first), and
 * on request the latest finished ones. `dispatchOrderChanged` keeps both lists live
 * (cache-updates.ts moves an order between them as its status changes).
 */
export function useDispatchOrders() {
  const showFinished = ref(false);

  const live = useLiveSubscription({
    query: DispatchOrderChangedDocument,
    reload: async () => {
      await Promise.all([active.executeQuery({ requestPolicy: 'network-only' }), finished.executeQuery({ requestPolicy: 'network-only' })]);
    },
  });

  const active = useQuery({
    query: DispatchOrdersDocument,
    variables: { status: [...DISPATCH_ORDER_ACTIVE_STATUSES], first: 100 },
    pause: () => !live.ready.value,
  });
  const finished = useQuery({
    query: DispatchOrdersDocument,
    variables: { status: FINISHED, first: 30 },
    pause: () => !live.ready.value || !showFinished.value,
  });

  const error = computed(() => active.error.value ?? finished.error.value);
  useLoadHealth({
    error,
    reload: () =>
      Promise.all([
        active.executeQuery({ requestPolicy: 'network-only' }),
        showFinished.value ? finished.executeQuery({ requestPolicy: 'network-only' }) : undefined,
      ]),
  });

  return {
    showFinished,
    active: computed(() => active.data.value?.dispatchOrders ?? []),
    finished: computed(() => (showFinished.value ? (finished.data.value?.dispatchOrders ?? []) : [])),
    fetching: computed(() => active.fetching.value || finished.fetching.value),
    error,
    refresh: () => active.executeQuery({ requestPolicy: 'network-only' }),
  };
}
