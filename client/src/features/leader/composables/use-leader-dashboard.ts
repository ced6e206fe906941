import { useQuery } from '@urql/vue';
import { computed, onScopeDispose, watch } from 'vue';
import {
  DailyReportChangedDocument,
  DutyCallChangedDocument,
  DutyShiftChangedDocument,
  IncidentChangedDocument,
  LeaderDashboardDocument,
  PermitRequestChangedDocument,
  StockChangedDocument,
  VehicleChangedDocument,
} from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';
import { useStandingAlerts } from '../../alerts/composables/use-standing-alerts';

/** Events arriving close together cause one re-read. */
const DEBOUNCE_MS = 400;
/** Re-read a little after the moment the clock changes a figure, never just before it. */
const CLOCK_MARGIN_MS = 1_000;

/**
 * The leader's figures, live: re-read (bypassing the cache) whenever an incident, a vehicle, a
 * shift or a duty call changes, the standing alerts change (the tray keeps them live), the console comes back
 * online, and at the moment the clock alone changes a figure (the server says when: an age
 * bucket, a reporting deadline, the HQ day turning). Nothing is polled. The figures are
 * computed by the server (`leaderDashboard`), not here.
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

  // Vehicles on standby, per company and across the fleet.
  const vehicles = useLiveSubscription({ query: VehicleChangedDocument, reload: async () => void (await reload()) });
  watch(vehicles.data, soon);

  // Who is on duty and the roster's gaps: a shift planned, changed or checked in to.
  const shifts = useLiveSubscription({ query: DutyShiftChangedDocument, reload: async () => void (await reload()) });
  watch(shifts.data, soon);

  // Today's call logged → forwarded times: a call logged or forwarded.
  const calls = useLiveSubscription({ query: DutyCallChangedDocument, reload: async () => void (await reload()) });
  watch(calls.data, soon);

  // Today's missing daily reports (漏报): a unit filed or amended one.
  const reports = useLiveSubscription({ query: DailyReportChangedDocument, reload: async () => void (await reload()) });
  watch(reports.data, soon);
  // Permit requests waiting for review and the oldest wait: a request filed, answered or decided.
  const permitRequests = useLiveSubscription({ query: PermitRequestChangedDocument, reload: async () => void (await reload()) });
  watch(permitRequests.data, soon);
  // Stock at risk: a ledger entry posted.
  const stock = useLiveSubscription({ query: StockChangedDocument, reload: async () => void (await reload()) });
  watch(stock.data, soon);

  const { alerts } = useStandingAlerts({ cacheOnly: true });
  watch(() => alerts.value.map((a) => `${a.id}:${a.status}:${a.count}`).join(','), soon);

  useLoadHealth({ error: dashboard.error, reload: soon, reloadOnReturn: 'always' });

  // Timed from the server's own clock (both instants are its), so a browser clock that is off
  // neither misses the change nor re-reads in a loop before it.
  let clockTimer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => dashboard.data.value?.leaderDashboard,
    (figures) => {
      clearTimeout(clockTimer);
      if (!figures) return;
      const wait = Date.parse(figures.nextClockChangeAt) - Date.parse(figures.generatedAt);
      clockTimer = setTimeout(() => void reload(), Math.max(wait, 0) + CLOCK_MARGIN_MS);
    },
  );

  onScopeDispose(() => {
    clearTimeout(timer);
    clearTimeout(clockTimer);
  });

  return {
    figures: computed(() => dashboard.data.value?.leaderDashboard ?? null),
    fetching: dashboard.fetching,
    error: dashboard.error,
    refresh: reload,
  };
}
