import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { AlertLevel, AlertStatus } from '@cc/shared';
import { AlertsDocument, type AlertFieldsFragment } from '@cc/shared/operations';

/** The one list the tray and the banner share (same variables, so one cached result). */
export const STANDING_VARIABLES = { status: ['RAISED', 'ACKNOWLEDGED'] as AlertStatus[], limit: 100 };

const LEVEL_RANK: Record<AlertLevel, number> = { CRITICAL: 0, WARNING: 1, INFO: 2 };

/** Critical first, then unacknowledged before acknowledged, then newest. */
export function byUrgency(a: AlertFieldsFragment, b: AlertFieldsFragment): number {
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    Number(a.status !== 'RAISED') - Number(b.status !== 'RAISED') ||
    Date.parse(b.raisedAt) - Date.parse(a.raisedAt)
  );
}

/**
 * Standing alerts the viewer may see (the server scopes them), kept live by the `alertChanged`
 * updater (cache-updates.ts). `cacheOnly` reads what another component's query loaded.
 */
export function useStandingAlerts(options: { pause?: () => boolean; cacheOnly?: boolean } = {}) {
  const query = useQuery({
    query: AlertsDocument,
    variables: STANDING_VARIABLES,
    pause: options.pause,
    requestPolicy: options.cacheOnly ? 'cache-only' : 'cache-and-network',
  });
  const alerts = computed(() => [...(query.data.value?.alerts ?? [])].sort(byUrgency));
  /** Critical alerts nobody has acknowledged yet: the banner keeps them in sight. */
  const unacknowledgedCritical = computed(() => alerts.value.filter((a) => a.level === 'CRITICAL' && a.status === 'RAISED'));
  const unacknowledged = computed(() => alerts.value.filter((a) => a.status === 'RAISED'));
  return {
    alerts,
    unacknowledged,
    unacknowledgedCritical,
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
