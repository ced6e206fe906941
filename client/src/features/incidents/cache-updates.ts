import type { Cache, UpdatesConfig } from '@urql/exchange-graphcache';
import { olderThan, placeInLists } from '../../app/cache-lists';
import type { IncidentChangedSubscription, IncidentFieldsFragment, ReportIncidentMutation } from '@cc/shared/operations';

/** Statuses an `openOnly` list leaves out (the server's filter, mirrored). */
const SETTLED = new Set(['RESOLVED', 'CLOSED']);

/**
 * Puts an incident into every cached `incidents` list it belongs to, newest first, or takes it
 * out of an open-only list once it is settled. The fields of incidents already listed update
 * in place through the normalised cache; only membership and order are handled here.
 */
export function placeIncident(cache: Cache, incident: Pick<IncidentFieldsFragment, 'id' | 'status' | 'reportedAt'>): void {
  const key = cache.keyOfEntity({ __typename: 'Incident', id: incident.id });
  if (!key) return;
  placeInLists(cache, 'Query', 'incidents', key, {
    belongs: (args) => !(args['openOnly'] === true && SETTLED.has(incident.status)),
    comesAfter: olderThan(cache, 'reportedAt', incident.reportedAt),
  });
}

export const incidentCacheUpdates: UpdatesConfig = {
  Subscription: {
    incidentChanged(result, _args, cache) {
      const change = (result as IncidentChangedSubscription).incidentChanged;
      if (change) placeIncident(cache, change.incident);
    },
  },
  Mutation: {
    // The reporter sees their incident at once; the subscription event that follows is a no-op.
    reportIncident(result, _args, cache) {
      placeIncident(cache, (result as ReportIncidentMutation).reportIncident);
    },
  },
};
