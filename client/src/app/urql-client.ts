import { cacheExchange, type UpdatesConfig } from '@urql/exchange-graphcache';
import { Client, fetchExchange, subscriptionExchange } from '@urql/vue';
import { LivePositionDocument } from '@cc/shared/operations';
import { dispatchCacheKeys, dispatchCacheUpdates } from '../features/dispatch/cache-updates';
import { adminCacheKeys, adminCacheUpdates } from '../features/admin/cache-updates';
import { alertCacheKeys, alertCacheUpdates } from '../features/alerts/cache-updates';
import { incidentCacheUpdates } from '../features/incidents/cache-updates';
import { beginCatchUp } from './connection-state';
import { registerResumable } from './live-positions';
import { realtimeClient, startRealtime, stopRealtime } from './realtime-socket';
import { resumableForwarder } from './resumable-transport';

/** Subscriptions that resume from a position, and the event topic each follows. */
registerResumable('IncidentChanged', 'incident');
registerResumable('AlertChanged', 'alert');
registerResumable('VehicleChanged', 'vehicle');
registerResumable('DispatchOrderChanged', 'dispatchOrder');

/** Each feature's graphcache updaters, merged per root type. */
function mergeUpdates(...parts: UpdatesConfig[]): UpdatesConfig {
  const merged: UpdatesConfig = {};
  for (const part of parts) {
    for (const [typename, fields] of Object.entries(part)) merged[typename] = { ...merged[typename], ...fields };
  }
  return merged;
}

/**
 * The console's GraphQL client: queries and mutations over HTTP (POST, same-origin cookie
 * session), subscriptions over the WebSocket, one normalised cache that subscription events
 * update in place (so a list shows a new incident without refetching).
 */
export const urqlClient = new Client({
  url: '/graphql',
  // POST only: the server's CSRF guard refuses GET requests without a preflight header.
  preferGetMethod: false,
  fetchOptions: { credentials: 'include' },
  requestPolicy: 'cache-and-network',
  exchanges: [
    cacheExchange({
      keys: {
        Viewer: (viewer) => (viewer['userId'] as string | undefined) ?? null,
        // A change is an event wrapping an incident, not an entity of its own.
        IncidentChange: () => null,
        ...adminCacheKeys,
        ...alertCacheKeys,
        ...dispatchCacheKeys,
      },
      updates: mergeUpdates(incidentCacheUpdates, adminCacheUpdates, dispatchCacheUpdates, alertCacheUpdates),
    }),
    subscriptionExchange({
      forwardSubscription: resumableForwarder(realtimeClient, (topic) => void beginCatchUp([topic], fetchLivePosition)),
    }),
    fetchExchange,
  ],
});

/** The server's newest position, of one topic or (without one) of all, bypassing the cache. */
export async function fetchLivePosition(topic?: string): Promise<bigint | undefined> {
  const result = await urqlClient.query(LivePositionDocument, { topic: topic ?? null }, { requestPolicy: 'network-only' }).toPromise();
  const position = result.data?.livePosition;
  if (result.error || !position) throw result.error ?? new Error('no live position');
  return BigInt(position);
}

/** Opens the live connection for a signed-in user. */
export function connectRealtime(onUnauthorized: () => void): void {
  startRealtime({ fetchLivePosition, onUnauthorized });
}

export { stopRealtime };
