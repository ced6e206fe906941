import { getOperationName, useSubscription, type TypedDocumentNode } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { onScopeDispose, ref } from 'vue';
import { i18n } from './i18n';
import { onResumeTooOld, readPosition, subscriptionKey, topicOf, writePosition } from './live-positions';
import { isNetworkError, reportError } from './report-error';
import { fetchLivePosition } from './urql-client';

/** A second RESUME_TOO_OLD this soon after a reset waits a little before trying again. */
const REPEAT_WINDOW_MS = 10_000;
const REPEAT_PAUSE_MS = 5_000;
/** Views refused within this time of another view's refusal were cut off by the same outage. */
const SAME_OUTAGE_MS = 2_000;
/** When, and for which subscription, the console last told the user it reloaded after RESUME_TOO_OLD. */
let lastNotice = { at: 0, key: '' };

export interface LiveSubscriptionOptions<T, V extends Record<string, unknown>> {
  query: TypedDocumentNode<T, V>;
  variables?: Omit<V, 'after'>;
  /** Reloads what the subscription keeps live (e.g. refetch the board query, bypassing the cache). */
  reload: () => Promise<void>;
}

/**
 * A resumable subscription for one view: it starts only once a resume position is known (read
 * from `livePosition` *before* the view's query runs, so nothing falls between the two), and
 * when the server says that position is too old it tells the user, reloads the view and
 * subscribes again from the server's current position.
 */
export function useLiveSubscription<T, V extends Record<string, unknown>>(options: LiveSubscriptionOptions<T, V>) {
  const name = getOperationName(options.query) ?? '';
  const topic = topicOf(name);
  if (!topic) throw new Error(`${name} is not registered as resumable (live-positions.registerResumable)`);
  const key = subscriptionKey(name, options.variables as Record<string, unknown> | undefined);
  const ready = ref(readPosition(key) !== undefined);

  /**
   * Starts from the server's newest position over all topics, not this topic's own: no event of
   * this topic lies between the two, and the topic's last event may be older than what the
   * server still keeps — resuming from it would be refused with RESUME_TOO_OLD again.
   */
  async function startFromServerPosition(): Promise<void> {
    const position = await fetchLivePosition();
    if (position !== undefined) writePosition(key, position);
  }

  let disposed = false;
  onScopeDispose(() => (disposed = true));

  /**
   * Never subscribes without a position: a subscription from "now" could not resume after a
   * reconnect. While the server cannot be reached, keep trying (the indicator says why).
   */
  async function ensurePosition(): Promise<void> {
    for (let attempt = 0; !disposed; attempt++) {
      try {
        await startFromServerPosition();
        return;
      } catch (error) {
        if (attempt === 0 && !isNetworkError(error)) reportError(error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1_000 * 2 ** attempt)));
      }
    }
  }

  if (!ready.value) void ensurePosition().then(() => (ready.value = true));

  const subscription = useSubscription<T, T, V>({
    query: options.query,
    variables: (options.variables ?? {}) as V,
    pause: () => !ready.value,
  });

  let lastReset = 0;
  const stop = onResumeTooOld(key, () => {
    // Views refused at the same reconnect (the board and the alert tray, say) share one notice;
    // the same view refused again is told again, so a loop would still show.
    if (lastNotice.key === key || Date.now() - lastNotice.at > SAME_OUTAGE_MS) {
      lastNotice = { at: Date.now(), key };
      ElMessage({ type: 'warning', message: i18n.global.t('connection.resumeTooOld'), showClose: true, duration: 8_000, grouping: true });
    }
    ready.value = false;
    // Should the server refuse again at once, do not hammer it in a loop.
    const pause = Date.now() - lastReset < REPEAT_WINDOW_MS ? REPEAT_PAUSE_MS : 0;
    lastReset = Date.now();
    new Promise((resolve) => setTimeout(resolve, pause))
      .then(ensurePosition)
      .then(options.reload)
      .catch(reportError)
      // Unpausing starts the subscription again, from the position just stored.
      .finally(() => (ready.value = true));
  });
  onScopeDispose(stop);

  return { ready, ...subscription };
}
