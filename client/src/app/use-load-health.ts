import { onScopeDispose, watch, type Ref } from 'vue';
import { linkStatus, markViewLoad } from './connection-state';

/** While connected, a failed load is tried again after this pause, doubling up to the cap. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;

let views = 0;

export interface LoadHealthOptions {
  /** The view's query error (or its queries' first error); any error means its data is not current. */
  error: Readonly<Ref<unknown>>;
  /** Loads the view's data again from the server, bypassing the cache. */
  reload: () => unknown;
  /**
   * 'failed' (default): reload when the connection comes back only if the last load failed —
   * a list kept live by a resumable subscription gets the missed changes replayed instead.
   * 'always': reload whenever it comes back (a view whose events do not carry all it shows).
   */
  reloadOnReturn?: 'failed' | 'always';
}

/**
 * Ties a view's data to the connection indicator. While the view's last load failed, the
 * header says "stale", not "live" (connection-state.ts), and the view loads again by itself:
 * when the connection comes back (socket reconnected and caught up), and, while connected,
 * after a pause that grows. Nobody has to press Refresh twice.
 */
export function useLoadHealth(options: LoadHealthOptions): void {
  const view = `view-${++views}`;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const reload = () => {
    clearTimeout(retry);
    void options.reload();
  };

  watch(
    options.error,
    (error) => {
      markViewLoad(view, !!error);
      clearTimeout(retry);
      if (!error) {
        attempt = 0;
        return;
      }
      // A failure while connected (the socket stayed up, a request did not) is not followed by
      // a reconnect that would reload the view: try again after a pause.
      if (linkStatus.value !== 'live') return;
      retry = setTimeout(reload, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt++));
    },
    { immediate: true },
  );

  watch(linkStatus, (status, before) => {
    if (status !== 'live' || before === 'live') return;
    if (options.reloadOnReturn === 'always' || options.error.value) reload();
  });

  onScopeDispose(() => {
    clearTimeout(retry);
    markViewLoad(view, false);
  });
}
