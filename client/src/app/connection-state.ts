import { computed, reactive, watchEffect } from 'vue';
import { reached, runningTopics } from './live-positions';

/**
 * What the connection indicator shows:
 * - offline: the browser is offline, or the socket closed and will not retry;
 * - reconnecting: the socket is (re)connecting;
 * - catching-up: connected again, receiving what was missed until the positions reach the
 *   server's `livePosition` for each followed topic;
 * - stale: connected and caught up, but a view on screen failed to load its data (it reloads by
 *   itself when the connection comes back): "live" over data that is not there would be a lie;
 * - live: connected and up to date.
 */
export type ConnectionStatus = 'live' | 'stale' | 'reconnecting' | 'catching-up' | 'offline';

/** The connection alone, whatever the views made of it. */
export type LinkStatus = Exclude<ConnectionStatus, 'stale'>;

type SocketPhase = 'idle' | 'connecting' | 'connected' | 'retrying' | 'failed';

/** Give up waiting for a catch-up that makes no progress: events the viewer may not see never arrive. */
const CATCH_UP_STALL_MS = 15_000;

const state = reactive({
  // Only an explicit `false` means offline (non-browser runtimes have a navigator without onLine).
  browserOnline: typeof navigator === 'undefined' || navigator.onLine !== false,
  socket: 'idle' as SocketPhase,
  /** Per topic, the position the server had reached when we (re)connected. */
  targets: new Map<string, bigint>(),
  catchUpStartedAt: 0,
  stalled: false,
  /** Views whose last load failed (use-load-health.ts). */
  failedViews: new Set<string>(),
});

/** The socket and the catch-up: what views watch to reload once the connection is back. */
export const linkStatus = computed<LinkStatus>(() => {
  if (!state.browserOnline || state.socket === 'failed') return 'offline';
  if (state.socket !== 'connected') return 'reconnecting';
  if (!state.stalled) {
    for (const [topic, target] of state.targets) if (!reached(topic, target)) return 'catching-up';
  }
  return 'live';
});

/** What the indicator shows: the link, and "stale" while a view on screen failed to load. */
export const connectionStatus = computed<ConnectionStatus>(() =>
  linkStatus.value === 'live' && state.failedViews.size > 0 ? 'stale' : linkStatus.value,
);

/** Records whether a view's last load failed; a view that goes away must say `false`. */
export function markViewLoad(view: string, failed: boolean): void {
  if (failed) state.failedViews.add(view);
  else state.failedViews.delete(view);
}

// Once caught up, forget the targets so later subscriptions start from a clean slate.
watchEffect(() => {
  if (state.socket === 'connected' && linkStatus.value === 'live' && state.targets.size > 0 && !state.stalled) state.targets.clear();
});

let stallTimer: ReturnType<typeof setTimeout> | undefined;

/** Reads the server's position for each topic; the status is catching-up until we reach them. */
export async function beginCatchUp(
  topics: readonly string[],
  fetchLivePosition: (topic: string) => Promise<bigint | undefined>,
): Promise<void> {
  if (topics.length === 0) return;
  state.stalled = false;
  const positions = await Promise.all(topics.map(async (topic) => [topic, await fetchLivePosition(topic).catch(() => undefined)] as const));
  for (const [topic, position] of positions) if (position !== undefined) state.targets.set(topic, position);
  clearTimeout(stallTimer);
  stallTimer = setTimeout(() => (state.stalled = true), CATCH_UP_STALL_MS);
}

export const connectionEvents = {
  connecting(retrying: boolean): void {
    state.socket = retrying ? 'retrying' : 'connecting';
  },
  /** Connected (again): catch up every topic a running subscription follows. */
  connected(fetchLivePosition: (topic: string) => Promise<bigint | undefined>): void {
    state.socket = 'connected';
    void beginCatchUp(runningTopics(), fetchLivePosition);
  },
  /** Closed; `willRetry` false means the socket stays closed (offline until the user retries). */
  closed(willRetry: boolean): void {
    state.socket = willRetry ? 'retrying' : 'failed';
  },
  stopped(): void {
    state.socket = 'idle';
    state.targets.clear();
  },
};

/** Follows the browser's own online/offline signal; returns a function that stops listening. */
export function watchBrowserOnline(onBackOnline: () => void, onWentOffline: () => void): () => void {
  const online = () => {
    state.browserOnline = true;
    onBackOnline();
  };
  const offline = () => {
    state.browserOnline = false;
    onWentOffline();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
