import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import { olderThan, placeInLists } from '../../app/cache-lists';
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
  placeInLists(cache, 'Query', 'alerts', key, {
    belongs: (args) => {
      const statuses = (args['status'] as string[] | null | undefined) ?? STANDING;
      const level = args['level'] as string | null | undefined;
      return statuses.includes(alert.status) && (!level || level === alert.level);
    },
    comesAfter: olderThan(cache, 'raisedAt', alert.raisedAt),
  });
}

/** Value objects without an id of their own: embedded in their parent, not normalised. */
export const alertCacheKeys: KeyingConfig = {
  AlertChange: () => null,
  AlertParam: () => null,
  AlertSource: () => null,
  AlertThreshold: () => null,
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
