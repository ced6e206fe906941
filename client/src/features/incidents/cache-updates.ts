import type { Cache, UpdatesConfig } from '@urql/exchange-graphcache';
import { cachedLists, olderThan, placeInLists, relink } from '../../app/cache-lists';
import type {
  AddIncidentNoteMutation,
  AddIncidentNoteMutationVariables,
  IncidentChangedSubscription,
  IncidentFieldsFragment,
  ReportIncidentMutation,
} from '@cc/shared/operations';

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

/**
 * Appends a new timeline entry to every cached timeline of its incident (oldest first, so the
 * newest goes last), unless that timeline already holds as many entries as it asked for: the
 * entry then lies beyond the window the page shows.
 */
export function appendToTimeline(cache: Cache, incidentId: string, entry: { id: string }): void {
  const incident = cache.keyOfEntity({ __typename: 'Incident', id: incidentId });
  const key = cache.keyOfEntity({ __typename: 'IncidentTimelineEntry', id: entry.id });
  if (!incident || !key) return;
  for (const list of cachedLists(cache, incident, 'timeline')) {
    const limit = list.arguments?.['limit'];
    if (list.keys.includes(key) || (typeof limit === 'number' && list.keys.length >= limit)) continue;
    relink(cache, incident, 'timeline', list, [...list.keys, key]);
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
    /*
     * Without an updater, graphcache treats a mutation returning an entity it has not cached as
     * "something new was created" and invalidates every cached entity of that type: every other
     * timeline entry. The incident page's query then reads incomplete and, when the re-read the
     * live event started was in flight, answers null ("does not exist") until the page reloads.
     */
    addIncidentNote(result, args, cache) {
      const { input } = args as AddIncidentNoteMutationVariables;
      appendToTimeline(cache, String(input.incidentId), (result as AddIncidentNoteMutation).addIncidentNote);
    },
  },
};
