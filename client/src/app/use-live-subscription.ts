import { getOperationName, useSubscription, type TypedDocumentNode } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { onScopeDispose, ref } from 'vue';
import { i18n } from './i18n';
import { onResumeTooOld, readPosition, subscriptionKey, topicOf, writePosition } from './live-positions';
import { reportError } from './report-error';
import { fetchLivePosition } from './urql-client';

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

  async function startFromServerPosition(): Promise<void> {
    const position = await fetchLivePosition(topic!);
    if (position !== undefined) writePosition(key, position);
  }

  if (!ready.value) {
    startFromServerPosition()
      .catch(reportError)
      .finally(() => (ready.value = true));
  }

  const subscription = useSubscription<T, T, V>({
    query: options.query,
    variables: (options.variables ?? {}) as V,
    pause: () => !ready.value,
  });

  const stop = onResumeTooOld(key, () => {
    ElMessage({ type: 'warning', message: i18n.global.t('connection.resumeTooOld'), showClose: true, duration: 8_000 });
    ready.value = false;
    startFromServerPosition()
      .then(options.reload)
      .catch(reportError)
      // Unpausing starts the subscription again, from the position just stored.
      .finally(() => (ready.value = true));
  });
  onScopeDispose(stop);

  return { ready, ...subscription };
}
