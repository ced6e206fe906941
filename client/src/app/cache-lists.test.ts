import { Client, gql, makeResult, type Exchange, type Operation } from '@urql/core';
import { cacheExchange, type Variables } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import { filter, map, pipe } from 'wonka';
import { olderThan, placeInLists } from './cache-lists';

const ItemFields = 'id at __typename';
const Items = gql(`query Items($open: Boolean) { items(open: $open) { ${ItemFields} } }`);
const AllItems = gql(`query AllItems { items { ${ItemFields} } }`);
const AddItem = gql(
  `mutation AddItem($id: ID!, $at: String!, $open: Boolean!) { addItem(id: $id, at: $at, open: $open) { ${ItemFields} } }`,
);

const at = (time: string) => `2026-01-01T${time}:00.000Z`;
const item = (id: string, time: string) => ({ __typename: 'Item', id, at: at(time) });
const LISTS: Record<string, ReturnType<typeof item>[]> = {
  open: [item('b', '12:00'), item('a', '10:00')],
  settled: [item('s', '11:30')],
  all: [item('a', '10:00')],
};

/** The server: the lists above, and a mutation that answers with the item it was given. */
const server: Exchange = () => (operations$) =>
  pipe(
    operations$,
    filter((op: Operation) => op.kind !== 'teardown'),
    map((op: Operation) => {
      const v = (op.variables ?? {}) as Variables;
      if (op.kind === 'mutation') return makeResult(op, { data: { addItem: { __typename: 'Item', id: v['id'], at: v['at'] } } });
      const list = v['open'] === undefined ? LISTS['all'] : v['open'] ? LISTS['open'] : LISTS['settled'];
      return makeResult(op, { data: { items: list } });
    }),
  );

/** A console whose cache places an added item as the views' updaters do, through `placeInLists`. */
function consoleWithCache() {
  return new Client({
    url: 'http://localhost/graphql',
    exchanges: [
      cacheExchange({
        updates: {
          Mutation: {
            addItem(result, args, cache) {
              const added = (result as { addItem: { id: string; at: string } }).addItem;
              const key = cache.keyOfEntity({ __typename: 'Item', id: added.id });
              if (!key) return;
              placeInLists(cache, 'Query', 'items', key, {
                belongs: (list) => list['open'] === undefined || list['open'] === args['open'],
                comesAfter: olderThan(cache, 'at', added.at),
              });
            },
          },
        },
      }),
      server,
    ],
  });
}
const ids = (client: Client, query: typeof Items, variables: Variables = {}) =>
  (client.readQuery(query, variables)?.data as { items: { id: string }[] } | undefined)?.items.map((i) => i.id);

describe('placing an entity in the cached copies of a list', () => {
  it('inserts a new entity newest first into each list it belongs to, and leaves it out of the others', async () => {
    const client = consoleWithCache();
    await client.query(Items, { open: true }).toPromise();
    await client.query(Items, { open: false }).toPromise();
    await client.mutation(AddItem, { id: 'c', at: at('11:00'), open: true }).toPromise();
    expect(ids(client, Items, { open: true })).toEqual(['b', 'c', 'a']);
    expect(ids(client, Items, { open: false })).toEqual(['s']);
  });

  it('keeps a listed entity where it is, and takes it out of a list it no longer belongs to', async () => {
    const client = consoleWithCache();
    await client.query(Items, { open: true }).toPromise();
    await client.query(Items, { open: false }).toPromise();
    await client.mutation(AddItem, { id: 'a', at: at('23:00'), open: true }).toPromise();
    expect(ids(client, Items, { open: true })).toEqual(['b', 'a']);
    await client.mutation(AddItem, { id: 'b', at: at('12:00'), open: false }).toPromise();
    expect(ids(client, Items, { open: true })).toEqual(['a']);
    expect(ids(client, Items, { open: false })).toEqual(['b', 's']);
  });

  it('adds to a list queried without arguments where that query reads it', async () => {
    const client = consoleWithCache();
    await client.query(AllItems, {}).toPromise();
    await client.mutation(AddItem, { id: 'z', at: at('09:00'), open: true }).toPromise();
    expect(ids(client, AllItems)).toEqual(['a', 'z']);
  });
});
