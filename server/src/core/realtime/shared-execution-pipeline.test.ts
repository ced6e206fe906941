import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../context';
import { directSink, SharedSubscriptions } from './shared-execution';
import type { EventRecord } from './topics';

const event = (position: number) =>
  ({
    position: BigInt(position),
    topic: 'incident',
    entityType: 'Incident',
    entityId: String(position),
    kind: 'UPDATED',
    payload: {},
    actorId: null,
    committedAt: new Date(),
  }) as unknown as EventRecord;

/**
 * A subscription whose source yields the given events and whose re-read waits for `gate`:
 * `inFlight` counts the re-reads started and not finished. Event 3 resolves with an error.
 */
function gatedSchema(positions: number[]) {
  let inFlight = 0;
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        changed: {
          type: GraphQLString,
          subscribe: () => {
            const queue = positions.map(event);
            return {
              [Symbol.asyncIterator]() {
                return this;
              },
              next: async () => (queue.length ? { done: false, value: queue.shift() } : new Promise<never>(() => undefined)),
              return: async () => ({ done: true, value: undefined }),
            };
          },
          resolve: async (root: EventRecord) => {
            inFlight++;
            await gate;
            inFlight--;
            if (root.position === 3n) throw new GraphQLError('not readable');
            return `changed at ${root.position}`;
          },
        },
      },
    }),
  });
  return { schema, inFlight: () => inFlight, open: () => open() };
}

const args = (schema: GraphQLSchema) => ({ schema, document: parse('subscription { changed }'), contextValue: {} as Context });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a shared subscription delivering a burst', () => {
  it('starts the re-reads of queued events together instead of one after the other', async () => {
    const { schema, inFlight, open } = gatedSchema([1, 2, 4, 5, 6]);
    const shared = new SharedSubscriptions(
      (t) => t,
      () => 'scope',
    );
    const results = (await shared.subscribe(args(schema))) as AsyncIterableIterator<unknown>;
    const first = results.next();
    await tick();
    expect(inFlight()).toBe(5);
    open();
    expect(await first).toEqual({ done: false, value: { data: { changed: 'changed at 1' } } });
    await results.return!();
  });

  it('writes shared results straight to the socket, in order, and hands a result with errors to graphql-ws', async () => {
    const { schema, open } = gatedSchema([1, 2, 3, 4]);
    const shared = new SharedSubscriptions(
      (t) => t,
      () => 'scope',
    );
    const written: string[] = [];
    const results = (await shared.subscribe(
      args(schema),
      directSink('sub-7', {
        send: (message) => written.push(message.toString()),
        sendFramed: () => expect.unreachable('catching up writes one message at a time'),
      }),
    )) as AsyncIterableIterator<{
      errors?: readonly GraphQLError[];
    }>;
    open();
    const yielded = await results.next();
    // 1 and 2 went to the socket as whole protocol messages; 3 carries an error: graphql-ws formats and sends it.
    expect(written.map((m) => JSON.parse(m))).toEqual([
      { id: 'sub-7', type: 'next', payload: { data: { changed: 'changed at 1' } } },
      { id: 'sub-7', type: 'next', payload: { data: { changed: 'changed at 2' } } },
    ]);
    expect(yielded.value?.errors?.[0]?.message).toBe('not readable');
    const after = results.next();
    await tick();
    expect(written.map((m) => JSON.parse(m).payload.data.changed)).toEqual(['changed at 1', 'changed at 2', 'changed at 4']);
    await results.return!();
    expect(await after).toEqual({ done: true, value: undefined });
  });
});
