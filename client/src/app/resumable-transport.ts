import type { ExecutionResult, SubscriptionForwarder } from '@urql/core';
import type { Client as SocketClient } from 'graphql-ws';
import { acceptPosition, markRunning, markStopped, notifyResumeTooOld, readPosition, subscriptionKey, topicOf } from './live-positions';

type Sink = { next(value: ExecutionResult): void; error(error: unknown): void; complete(): void };

/** After the server stopped one subscription for falling behind, resubscribe after this pause. */
const RESUBSCRIBE_AFTER_MS = 1_000;

function errorCodes(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((e: { extensions?: { code?: unknown } }) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : ''));
}

/** The position carried by a result: `data.<rootField>.position` of a resumable subscription. */
function positionOf(result: ExecutionResult): string | undefined {
  const data = result.data as Record<string, unknown> | null | undefined;
  if (!data) return undefined;
  for (const value of Object.values(data)) {
    if (value && typeof value === 'object' && typeof (value as { position?: unknown }).position === 'string') {
      return (value as { position: string }).position;
    }
  }
  return undefined;
}

/**
 * Forwards urql subscriptions to graphql-ws. For resumable ones (registered in live-positions):
 * - `after` is a getter: graphql-ws stringifies the payload each time it (re)sends it, so a
 *   reconnect resumes from the newest position applied, not the one the subscription began with;
 * - events at or below that position (replayed twice around a reconnect) are dropped;
 * - RESUME_TOO_OLD is handed to whoever shows that list, to reload it;
 * - a server-side stop for falling behind (UNAVAILABLE) resubscribes from the position.
 */
export function resumableForwarder(socket: () => SocketClient | undefined, onStart: (topic: string) => void): SubscriptionForwarder {
  return (request) => ({
    subscribe(sink: Sink) {
      const ws = socket();
      if (!ws) {
        sink.error(new Error('The live connection is not open; sign in again.'));
        return { unsubscribe: () => undefined };
      }
      const operationName = request.operationName ?? '';
      const topic = topicOf(operationName);
      if (!topic) {
        const dispose = ws.subscribe({ ...request, query: request.query ?? '' }, sink);
        return { unsubscribe: dispose };
      }

      const key = subscriptionKey(operationName, request.variables);
      const variables: Record<string, unknown> = { ...request.variables };
      Object.defineProperty(variables, 'after', { enumerable: true, get: () => readPosition(key)?.toString() ?? null });
      const payload = { query: request.query ?? '', operationName, variables, extensions: request.extensions };

      let stopped = false;
      let dispose: () => void = () => undefined;
      let retryTimer: ReturnType<typeof setTimeout> | undefined;
      const start = () => {
        dispose = ws.subscribe(payload, {
          next(result: ExecutionResult) {
            if (errorCodes(result.errors).includes('RESUME_TOO_OLD')) {
              notifyResumeTooOld(key);
              return;
            }
            const position = positionOf(result);
            if (position !== undefined && !acceptPosition(key, position)) return;
            sink.next(result);
          },
          error(error: unknown) {
            if (!stopped && errorCodes(error).includes('UNAVAILABLE')) {
              retryTimer = setTimeout(start, RESUBSCRIBE_AFTER_MS);
              return;
            }
            sink.error(error);
          },
          complete() {
            sink.complete();
          },
        });
      };
      markRunning(key, topic);
      onStart(topic);
      start();
      return {
        unsubscribe() {
          stopped = true;
          clearTimeout(retryTimer);
          markStopped(key);
          dispose();
        },
      };
    },
  });
}
