import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../context';
import { SharedSubscriptions } from './shared-execution';
import type { EventRecord } from './topics';

const event = (position: bigint) =>
  ({
    position,
    topic: 'incident',
    entityType: 'Incident',
    entityId: 'x',
    kind: 'UPDATED',
    payload: {},
    actorId: null,
    committedAt: new Date(),
  }) as unknown as EventRecord;

/** A schema whose subscription re-read fails with a connection error `failures` times, then succeeds. */
function schemaFailing(failures: number, events: EventRecord[]) {
  let calls = 0;
  let opened = 0;
  let closed = 0;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        changed: {
          type: GraphQLString,
          subscribe: () => {
            opened++;
            const queue = [...events];
            return {
              [Symbol.asyncIterator]() {
                return this;
              },
              next: async () => (queue.length ? { done: false, value: queue.shift() } : new Promise<never>(() => undefined)),
              return: async () => (closed++, { done: true, value: undefined }),
            };
          },
          resolve: (root: EventRecord) => {
            calls++;
            if (calls <= failures) throw Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
            return `changed at ${root.position}`;
          },
        },
      },
    }),
  });
  return { schema, calls: () => calls, leftOpen: () => opened - closed };
}

const shared = () =>
  new SharedSubscriptions(
    (t) => t,
    () => 'scope',
  );
const args = (schema: GraphQLSchema) => ({ schema, document: parse('subscription { changed }'), contextValue: {} as Context });

describe('shared subscription execution when the database is briefly unreachable', () => {
  it('re-runs the event and delivers it once the database answers', async () => {
    const { schema, calls } = schemaFailing(2, [event(1n)]);
    const stream = (await shared().subscribe(args(schema))) as AsyncIterableIterator<{ data?: unknown }>;
    const first = await stream.next();
    expect(first.value).toEqual({ data: { changed: 'changed at 1' } });
    expect(calls()).toBe(3);
    await stream.return?.();
  });

  it('ends the subscription with UNAVAILABLE rather than delivering an error in place of the change', async () => {
    const { schema, leftOpen } = schemaFailing(100, [event(1n)]);
    const executor = shared();
    const stream = (await executor.subscribe(args(schema))) as AsyncIterableIterator<unknown>;
    const failure = await stream.next().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(GraphQLError);
    expect((failure as GraphQLError).extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'realtime/read_failed' });
    expect(leftOpen()).toBe(0); // every source stream is released, nothing leaks
    expect(executor.activeGroups).toBe(0);
  }, 20_000);
});
