import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import type { AcknowledgeAlertMutation, AlertChangedSubscription, AlertFieldsFragment, ResolveAlertMutation } from '@cc/shared/operations';

/** The statuses an `alerts` list holds when the query names none (the server's default). */
const STANDING = ['RAISED', 'ACKNOWLEDGED'];

/**
 * Puts an alert into every cached `alerts` list whose statuses (and level) it matches, newest
 * first, and takes it out of the lists it no longer belongs to (acknowledged, resolved).
 */
export function placeAlert(cache: Cache, alert: Pick<AlertFieldsFragment, 'id' | 'status' | 'level' | 'raisedAt'>): void {
  const key = cache.keyOfEntity({ __typename: 'Alert', id: alert.id });
  if (!key) return;
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'alerts') continue;
    const list = cache.resolve('Query', field.fieldKey);
    if (!Array.isArray(list)) continue;
    const keys = list.filter((k): k is string => typeof k === 'string');
    const statuses = (field.arguments?.['status'] as string[] | null | undefined) ?? STANDING;
    const level = field.arguments?.['level'] as string | null | undefined;
    const belongs = statuses.includes(alert.status) && (!level || level === alert.level);
    const listed = keys.includes(key);
    if (listed === belongs) continue;
    if (!belongs) {
      cache.link(
        'Query',
        field.fieldName,
        field.arguments ?? {},
        keys.filter((k) => k !== key),
      );
      continue;
    }
    const at = Date.parse(alert.raisedAt);
    let index = keys.findIndex((k) => Date.parse(String(cache.resolve(k, 'raisedAt'))) < at);
    if (index < 0) index = keys.length;
    cache.link('Query', field.fieldName, field.arguments ?? {}, [...keys.slice(0, index), key, ...keys.slice(index)]);
  }
}

/** Value objects without an id of their own: embedded in their parent, not normalised. */
export const alertCacheKeys: KeyingConfig = {
  AlertChange: () => null,
  AlertParam: () => null,
  AlertSource: () => null,
  AlertThreshold: () => null,
  LeaderDashboard: () => null,
  OpenIncidentCount: () => null,
  IncidentClassSummary: () => null,
  AlertLevelCount: () => null,
  CompanyReadyCount: () => null,
  ResponseTimeFigures: () => null,
  IncidentLink: () => null,
};

export const alertCacheUpdates: UpdatesConfig = {
  Subscription: {
    alertChanged(result, _args, cache) {
      const change = (result as AlertChangedSubscription).alertChanged;
      if (change) placeAlert(cache, change.alert);
    },
  },
  Mutation: {
    acknowledgeAlert(result, _args, cache) {
      placeAlert(cache, (result as AcknowledgeAlertMutation).acknowledgeAlert);
    },
    resolveAlert(result, _args, cache) {
      placeAlert(cache, (result as ResolveAlertMutation).resolveAlert);
    },
  },
};
