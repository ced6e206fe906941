import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, watch } from 'vue';
import { IncidentChangedDocument, LeaderDashboardDocument } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';
import { useStandingAlerts } from '../../alerts/composables/use-standing-alerts';

/** Events arriving close together cause one re-read. */
const DEBOUNCE_MS = 400;
/** Ages and "today" move with the clock, and vehicles have no stream here yet: re-read this often anyway. */
const PERIODIC_MS = 30_000;

/**
 * The leader's figures, live: re-read (bypassing the cache) whenever an incident changes, the
 * standing alerts change (the tray keeps them live), the console comes back online, and every
 * half minute. The figures are computed by the server (`leaderDashboard`), not here.
 */
export function useLeaderDashboard() {
  const dashboard = useQuery({ query: LeaderDashboardDocument, requestPolicy: 'network-only' });
  const reload = () => dashboard.executeQuery({ requestPolicy: 'network-only' });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), DEBOUNCE_MS);
  };

  const incidents = useLiveSubscription({ query: IncidentChangedDocument, reload: async () => void (await reload()) });
  watch(incidents.data, soon);

  const { alerts } = useStandingAlerts({ cacheOnly: true });
  watch(() => alerts.value.map((a) => `${a.id}:${a.status}:${a.count}`).join(','), soon);

  useLoadHealth({ error: dashboard.error, reload: soon, reloadOnReturn: 'always' });

  const periodic = setInterval(() => void reload(), PERIODIC_MS);
  onScopeDispose(() => {
    clearInterval(periodic);
    clearTimeout(timer);
  });

  return {
    figures: computed(() => dashboard.data.value?.leaderDashboard ?? null),
    fetching: dashboard.fetching,
    error: dashboard.error,
    refresh: reload,
  };
}
