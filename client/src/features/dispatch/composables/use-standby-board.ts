import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { StandbyBoardDocument, VehicleChangedDocument } from '@cc/shared/operations';
import { useFreshIds } from '../../../app/use-fresh-ids';
import { useLoadHealth } from '../../../app/use-load-health';
import { useLiveSubscription } from '../../../app/use-live-subscription';

/** How long a vehicle that just changed stays highlighted. */
const FRESH_FOR_MS = 4_000;

/**
 * The standby board: every vehicle by company with its readiness, kept live by `vehicleChanged`
 * (graphcache updates the vehicle and the readiness counts in place; nothing is refetched).
 */
export function useStandbyBoard() {
  const live = useLiveSubscription({
    query: VehicleChangedDocument,
    reload: async () => {
      await board.executeQuery({ requestPolicy: 'network-only' });
    },
  });

  const board = useQuery({
    query: StandbyBoardDocument,
    // Only once the resume position is known: events between the two are replayed, not lost.
    pause: () => !live.ready.value,
  });

  const refresh = () => board.executeQuery({ requestPolicy: 'network-only' });
  // A load that failed (a Refresh pressed while the server was down) is made good by itself.
  useLoadHealth({ error: board.error, reload: refresh });

  const companies = computed(() => board.data.value?.standbyBoard.companies ?? []);
  const readiness = computed(() => board.data.value?.standbyBoard.readiness ?? null);
  const readinessOf = (companyId: string) => readiness.value?.companies.find((c) => c.id === companyId) ?? null;

  /** Vehicles that changed live in the last few seconds, for a brief highlight. */
  const { fresh, mark } = useFreshIds(FRESH_FOR_MS);
  watch(live.data, (event) => {
    const id = event?.vehicleChanged?.vehicle.id;
    if (id) mark(id);
  });

  return {
    companies,
    readiness,
    readinessOf,
    fresh,
    fetching: board.fetching,
    error: board.error,
    refresh,
  };
}
