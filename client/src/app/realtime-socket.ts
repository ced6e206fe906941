import { CloseCode, createClient, type Client } from 'graphql-ws';
import { connectionEvents, watchBrowserOnline } from './connection-state';

/**
 * The console's one WebSocket (graphql-transport-ws on `/graphql`, same origin, so the
 * session cookie goes with the upgrade). It stays open while signed in and retries for ever
 * with a capped back-off; only a closed session (4401) or a protocol fault stops it.
 */

/** Close codes graphql-ws does not retry (its own fatal list); everything else reconnects. */
const FATAL_CLOSE_CODES: readonly number[] = [
  CloseCode.InternalServerError,
  CloseCode.InternalClientError,
  CloseCode.BadRequest,
  CloseCode.BadResponse,
  CloseCode.Unauthorized,
  CloseCode.SubprotocolNotAcceptable,
  CloseCode.SubscriberAlreadyExists,
  CloseCode.TooManyInitialisationRequests,
];
/** 1000–1999 codes that graphql-ws retries; other codes in that range are fatal to it. */
const RETRIED_STANDARD_CODES: readonly number[] = [1000, 1001, 1005, 1006, 1012, 1013, 1014];

const PING_EVERY_MS = 10_000;
/** No pong this long after a ping: the path is dead (a laptop lid, a dropped Wi-Fi); reconnect. */
const PONG_TIMEOUT_MS = 6_000;
const MAX_BACKOFF_MS = 8_000;

export interface RealtimeHooks {
  /** The server position of a topic, read over HTTP on every (re)connect. */
  fetchLivePosition(topic: string): Promise<bigint | undefined>;
  /** The session is gone (close code 4401): back to sign-in. */
  onUnauthorized(): void;
}

let client: Client | undefined;
let stopWatchingBrowser: (() => void) | undefined;

function closeCodeOf(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : undefined;
}

function willRetry(code: number | undefined): boolean {
  if (code === undefined) return true; // a socket error without a close frame: graphql-ws retries
  if (FATAL_CLOSE_CODES.includes(code)) return false;
  if (code >= 1000 && code <= 1999) return RETRIED_STANDARD_CODES.includes(code);
  return true;
}

function socketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/graphql`;
}

/** Opens the socket (once) and returns it. */
export function startRealtime(hooks: RealtimeHooks): Client {
  if (client) return client;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const created = createClient({
    url: socketUrl,
    lazy: false,
    keepAlive: PING_EVERY_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** retries) + Math.floor(Math.random() * 500);
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
    onNonLazyError: (error) => {
      // Only fatal closes reach here; the state is already 'offline' (or the user is leaving).
      if (closeCodeOf(error) === CloseCode.Unauthorized) hooks.onUnauthorized();
    },
    on: {
      connecting: (retrying) => connectionEvents.connecting(retrying),
      connected: () => connectionEvents.connected(hooks.fetchLivePosition),
      closed: (event) => {
        clearTimeout(pongTimer);
        const code = closeCodeOf(event);
        connectionEvents.closed(willRetry(code));
        if (code === CloseCode.Unauthorized) hooks.onUnauthorized();
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => created.terminate(), PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });
  client = created;
  stopWatchingBrowser = watchBrowserOnline(
    () => undefined, // the retry loop is already running; it connects on its next attempt
    () => created.terminate(), // do not wait for a ping to notice: show 'reconnecting' at once
  );
  return created;
}

export function realtimeClient(): Client | undefined {
  return client;
}

/** Closes the socket for good (sign-out). */
export async function stopRealtime(): Promise<void> {
  stopWatchingBrowser?.();
  stopWatchingBrowser = undefined;
  const current = client;
  client = undefined;
  connectionEvents.stopped();
  await current?.dispose();
}
