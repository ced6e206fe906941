import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { VehicleHistoryDocument } from '@cc/shared/operations';

/** One vehicle's status changes and jobs, newest first (the history drawer). */
export function useVehicleHistory(vehicleId: Ref<string | null>) {
  const query = useQuery({
    query: VehicleHistoryDocument,
    variables: computed(() => ({ vehicleId: vehicleId.value ?? '', first: 100 })),
    pause: () => !vehicleId.value,
    requestPolicy: 'cache-and-network',
  });
  return { history: computed(() => query.data.value?.vehicleHistory ?? null), fetching: query.fetching, error: query.error };
}
