import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** A real graphql-ws client over a real socket, carrying the session cookie like a browser. */
export function wsClient(url: string, cookie?: string, options: { retry?: boolean } = {}): Client {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return createClient({ url, webSocketImpl: CookieSocket, lazy: true, retryAttempts: options.retry ? 5 : 0 });
}

/** Collects what a subscription delivers until `count` results arrive (or rejects on error). */
export function collect<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: FormattedExecutionResult<T, unknown>[] = [];
  const errors: unknown[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        results.push(value);
        waiters = waiters.filter((w) => (results.length >= w.count ? (w.resolve(), false) : true));
      },
      error: (error) => {
        errors.push(error);
        waiters.forEach((w) => w.resolve());
      },
      complete: () => undefined,
    },
  );
  return {
    results,
    errors,
    unsubscribe,
    /** Resolves once `count` results have arrived or an error ended the subscription. */
    until(count: number, timeoutMs = 10_000): Promise<FormattedExecutionResult<T, unknown>[]> {
      if (results.length >= count || errors.length) return Promise.resolve(results);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} results, got ${results.length}`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve(results)) });
      });
    },
  };
}
