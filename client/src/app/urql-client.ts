import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange, subscriptionExchange } from '@urql/vue';
import { LivePositionDocument } from '@cc/shared/operations';
import { features } from '../features';
import { beginCatchUp } from './connection-state';
import { mergeCacheConfig } from './feature';
import { idempotencyExchange } from './idempotency';
import { registerResumable } from './live-positions';
import { realtimeClient, startRealtime, stopRealtime } from './realtime-socket';
import { resumableForwarder } from './resumable-transport';

/** Subscriptions that resume from a position, and the event topic each follows, as each feature declares them. */
for (const feature of features) {
  for (const [operationName, topic] of Object.entries(feature.resumable ?? {})) registerResumable(operationName, topic);
}

/** Each feature's graphcache keys and updaters (a clash is caught by feature-manifest.test.ts). */
const cache = mergeCacheConfig(features);

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
      keys: cache.keys,
      updates: cache.updates,
    }),
    subscriptionExchange({
      forwardSubscription: resumableForwarder(realtimeClient, (topic) => void beginCatchUp([topic], fetchLivePosition)),
    }),
    // Every mutation leaves with an idempotency key: its submission's, or a new one.
    idempotencyExchange,
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
