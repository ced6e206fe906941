import { useQuery } from '@urql/vue';
import { computed, reactive, watch } from 'vue';
import { isPastReportingDeadline, type IncidentClass } from '@cc/shared';
import { IncidentChangedDocument, IncidentsDocument, type IncidentFieldsFragment } from '@cc/shared/operations';
import { useFreshIds } from '../../../app/use-fresh-ids';
import { useLoadHealth } from '../../../app/use-load-health';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useNow } from '../../../components/ui/use-now';

const SETTLED = new Set(['RESOLVED', 'CLOSED']);
/** How long a row that just arrived live stays highlighted. */
const FRESH_FOR_MS = 6_000;

/**
 * The incidents board: the list (graphcache keeps it live from `incidentChanged`), filters,
 * the figures above it, and which rows just arrived.
 */
export function useIncidentBoard() {
  const filters = reactive({ openOnly: false, incidentClass: 'ALL' as IncidentClass | 'ALL', search: '' });

  const live = useLiveSubscription({
    query: IncidentChangedDocument,
    reload: async () => {
      await board.executeQuery({ requestPolicy: 'network-only' });
    },
  });

  const board = useQuery({
    query: IncidentsDocument,
    variables: computed(() => ({ openOnly: filters.openOnly, limit: 200 })),
    // Only after the resume position is known: events between the two are then replayed, not lost.
    pause: () => !live.ready.value,
  });

  const refresh = () => board.executeQuery({ requestPolicy: 'network-only' });
  // A load that failed while the server was unreachable is retried once the console is connected again.
  useLoadHealth({ error: board.error, reload: refresh });

  const all = computed<readonly IncidentFieldsFragment[]>(() => board.data.value?.incidents ?? []);

  const incidents = computed(() => {
    const needle = filters.search.trim().toLowerCase();
    return all.value.filter(
      (i) =>
        (filters.incidentClass === 'ALL' || i.incidentClass === filters.incidentClass) &&
        (!needle || i.title.toLowerCase().includes(needle) || i.location.toLowerCase().includes(needle)),
    );
  });

  const now = useNow();
  const stats = computed(() => {
    const open = all.value.filter((i) => !SETTLED.has(i.status));
    return {
      open: open.length,
      // The same rule as the leader's figures and the deadline alert: past it and not reported upward.
      overdue: open.filter((i) =>
        isPastReportingDeadline(
          {
            status: i.status,
            reportingDeadline: new Date(i.reportingDeadline),
            reportedUpwardAt: i.reportedUpwardAt ? new Date(i.reportedUpwardAt) : null,
          },
          new Date(now.value),
        ),
      ).length,
      classAOpen: open.filter((i) => i.incidentClass === 'A').length,
    };
  });

  /** Ids of incidents created live in the last few seconds, for a brief highlight. */
  const { fresh, mark } = useFreshIds(FRESH_FOR_MS);
  watch(live.data, (event) => {
    const change = event?.incidentChanged;
    if (change?.kind === 'CREATED') mark(change.incident.id);
  });

  return {
    filters,
    incidents,
    stats,
    fresh,
    fetching: board.fetching,
    error: board.error,
    refresh,
  };
}
