import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { DispatchFiguresDocument } from '@cc/shared/operations';

/** A day's utilisation and response time per company; refetched when the day changes. */
export function useDispatchFigures(day: Ref<string | null>) {
  const query = useQuery({
    query: DispatchFiguresDocument,
    variables: computed(() => ({ day: day.value })),
    requestPolicy: 'network-only',
  });
  return {
    figures: computed(() => query.data.value?.dispatchFigures ?? null),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
