import type { Cache, UpdatesConfig } from '@urql/exchange-graphcache';
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
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'incidents') continue;
    const list = cache.resolve('Query', field.fieldKey);
    if (!Array.isArray(list)) continue;
    const keys = list.filter((k): k is string => typeof k === 'string');
    const listed = keys.includes(key);
    const belongs = !(field.arguments?.['openOnly'] === true && SETTLED.has(incident.status));
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
    const at = Date.parse(incident.reportedAt);
    let index = keys.findIndex((k) => Date.parse(String(cache.resolve(k, 'reportedAt'))) < at);
    if (index < 0) index = keys.length;
    cache.link('Query', field.fieldName, field.arguments ?? {}, [...keys.slice(0, index), key, ...keys.slice(index)]);
  }
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
