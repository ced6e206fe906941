import { useQuery } from '@urql/vue';
import { computed, watch, type Ref } from 'vue';
import { DailyReportBoardDocument, DailyReportChangedDocument } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * One HQ day's daily-report board (a liaison: their own unit's rows), kept live: every
 * committed report change re-reads the board, so a unit's row turns "reported" the moment
 * its liaison files, on every coordinator's screen. The board is small (types × units, no
 * figures), so re-reading it is cheaper than patching it in the cache.
 */
export function useDailyReportBoard(day: Ref<string | null>) {
  const reload = async () => void (await board.executeQuery({ requestPolicy: 'network-only' }));
  const live = useLiveSubscription({ query: DailyReportChangedDocument, reload });
  const board = useQuery({
    query: DailyReportBoardDocument,
    variables: computed(() => ({ day: day.value })),
    pause: () => !live.ready.value,
    requestPolicy: 'cache-and-network',
  });
  watch(live.data, (change) => {
    if (change?.dailyReportChanged) void reload();
  });
  useLoadHealth({ error: board.error, reload: () => board.executeQuery({ requestPolicy: 'network-only' }) });
  return {
    board: computed(() => board.data.value?.dailyReportBoard ?? null),
    fetching: board.fetching,
    error: board.error,
    reload,
  };
}
