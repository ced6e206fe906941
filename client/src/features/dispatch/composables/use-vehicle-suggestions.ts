import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { SuggestVehiclesDocument } from '@cc/shared/operations';

/**
 * The server's suggestions for an order (dispatch.rules.ts `suggestVehicles`). Read fresh each
 * time the dialog opens; the vehicles in it are the board's cached vehicles, so one taken by
 * another dispatcher meanwhile shows as taken at once.
 */
export function useVehicleSuggestions(orderId: Ref<string | null>) {
  const query = useQuery({
    query: SuggestVehiclesDocument,
    variables: computed(() => ({ orderId: orderId.value ?? '' })),
    pause: () => !orderId.value,
    requestPolicy: 'network-only',
  });
  return {
    // While another order's suggestions are being fetched, urql still holds the previous answer:
    // never show one order's suggestions in another order's dialog.
    suggestions: computed(() => {
      const answer = query.data.value?.suggestVehicles ?? null;
      return answer && answer.orderId === orderId.value ? answer : null;
    }),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
