import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { APPROVE, QUEUE, fileRequest, ok, type Request } from './permits-helpers';

const MINUTE = 60_000;
const CHANGED = `subscription($after: EventPosition) { permitRequestChanged(after: $after) { position kind request { id status greenChannel } } }`;

describe('the review queue puts green-channel cargo first, then the longest waiting', () => {
  let t: TestApp;
  let clock: ManualClock;
  let liaison: string;
  let dispatcher: string;

  beforeAll(async () => {
    // Now: the WebSocket checks a session against the wall clock too.
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
  });
  afterAll(() => t?.close());

  const queue = async (variables: Record<string, unknown> = { first: 200 }) =>
    ok(await t.gql<{ permitQueue: { items: Request[]; total: number; greenTotal: number } }>(QUEUE, variables, dispatcher)).permitQueue;

  it('orders a newer epidemic-supplies request ahead of older coal and daily-necessities ones, and pages', async () => {
    const coal = await fileRequest(t, liaison, clock.now(), { cargoKind: 'COAL', plate: '京A10001' });
    clock.advance(MINUTE);
    const food = await fileRequest(t, liaison, clock.now(), { cargoKind: 'DAILY_NECESSITIES', plate: '京A10002' });
    clock.advance(MINUTE);
    const masks = await fileRequest(t, liaison, clock.now(), { cargoKind: 'EPIDEMIC_SUPPLIES', plate: '京AD10003' });
    clock.advance(MINUTE);
    const gowns = await fileRequest(t, liaison, clock.now(), { cargoKind: 'EPIDEMIC_SUPPLIES', plate: '京AD10004' });
    expect(masks.greenChannel).toBe(true);
    expect(coal.greenChannel).toBe(false);

    const all = await queue();
    expect(all.items.map((r) => r.id)).toEqual([masks.id, gowns.id, coal.id, food.id]);
    expect(all).toMatchObject({ total: 4, greenTotal: 2 });
    const second = await queue({ first: 2, offset: 2 });
    expect(second.items.map((r) => r.id)).toEqual([coal.id, food.id]);
    expect(second.total).toBe(4);
  });

  it('drops a reviewed request from the queue, and tells a dispatcher live', async () => {
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, dispatcher);
    const client = wsClient(t.wsUrl, dispatcher);
    const live = collect<{ permitRequestChanged: { kind: string; request: { id: string; status: string; greenChannel: boolean } } }>(
      client,
      CHANGED,
      {
        after: data!.livePosition,
      },
    );
    const urgent = await fileRequest(t, liaison, clock.now(), { cargoKind: 'EPIDEMIC_SUPPLIES', plate: '京AD10005' });
    await live.until(1);
    expect(live.errors).toEqual([]);
    expect(live.results[0]!.data!.permitRequestChanged).toMatchObject({ kind: 'CREATED', request: { id: urgent.id, greenChannel: true } });
    ok(await t.gql(APPROVE, { input: { requestId: urgent.id } }, dispatcher));
    await live.until(2);
    expect(live.results[1]!.data!.permitRequestChanged.request).toMatchObject({ id: urgent.id, status: 'APPROVED' });
    expect((await queue()).items.map((r) => r.id)).not.toContain(urgent.id);
    live.unsubscribe();
    await client.dispose();
  });
});
