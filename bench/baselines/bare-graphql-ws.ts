/**
 * Baseline (b), the libraries' floor: graphql-js and graphql-ws as they come (`useServer`), on
 * the committed schema contract (shared/schema.graphql) so the same subscription document
 * validates and yields the same payload shape. One subscription field fed by an in-memory
 * iterator; no ORM, no database, no auth. graphql-js executes the document once per subscriber
 * per event and graphql-ws serialises once per subscriber: the naive path, at its cheapest.
 * Run: node --import tsx bench/baselines/bare-graphql-ws.ts
 */
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { baselineHttpServer, listenFromEnv, type StampedEvent } from './baseline-server';

const schema = buildSchema(readFileSync(new URL('../../shared/schema.graphql', import.meta.url), 'utf8'));
const listeners = new Set<(event: StampedEvent) => void>();

/** One subscriber's stream: a queue filled by publish, drained by graphql-js. */
function feed(): AsyncIterableIterator<StampedEvent> {
  const queue: StampedEvent[] = [];
  let waiting: ((result: IteratorResult<StampedEvent>) => void) | undefined;
  const push = (event: StampedEvent) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ done: false, value: event });
    } else queue.push(event);
  };
  listeners.add(push);
  const iterator: AsyncIterableIterator<StampedEvent> = {
    [Symbol.asyncIterator]: () => iterator,
    next: () => (queue.length ? Promise.resolve({ done: false, value: queue.shift()! }) : new Promise((resolve) => (waiting = resolve))),
    return: () => {
      listeners.delete(push);
      waiting?.({ done: true, value: undefined });
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  return iterator;
}

const field = schema.getSubscriptionType()!.getFields()['incidentChanged']!;
field.subscribe = () => feed();
field.resolve = (event: StampedEvent) => event;

const server = baselineHttpServer(
  (event) => {
    for (const listener of listeners) listener(event);
  },
  () => wss.clients.size,
);
const wss = new WebSocketServer({ server, path: '/graphql', perMessageDeflate: false });
useServer({ schema }, wss);
listenFromEnv(server, 'bare-graphql-ws');
