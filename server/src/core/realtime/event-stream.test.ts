import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventHub, EventListener } from './event-hub';
import { eventStream } from './event-stream';
import type { EventRecord } from './topics';

/** The part of the hub a stream uses, driven by hand: `publish` is one outbox read's delivery. */
function handHub() {
  const listeners = new Set<EventListener>();
  let head = 0n;
  const hub = {
    get head() {
      return head;
    },
    maxQueuedPerSubscriber: 5_000,
    subscribe(listener: EventListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as EventHub;
  const publish = (count: number) => {
    for (let i = 0; i < count; i++) {
      head++;
      const event = {
        position: head,
        topic: 'incident',
        entityType: 'Incident',
        entityId: String(head),
        kind: 'CREATED',
        actorId: null,
        payload: {},
        committedAt: new Date(),
      };
      for (const listener of listeners) listener(event as unknown as EventRecord);
    }
  };
  return { hub, publish, listeners };
}

describe('a subscriber stream behind by more than its limit', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps a consumer that a burst put momentarily behind, and hands it every event in order', async () => {
    const { hub, publish } = handHub();
    const stream = eventStream(hub, { topics: ['incident' as never], maxQueued: 20 });
    publish(60); // one outbox read of 60 commits: three times the limit, before anyone could take one
    const positions: bigint[] = [];
    for (let i = 0; i < 60; i++) positions.push((await stream.next()).value!.position);
    expect(positions).toEqual(Array.from({ length: 60 }, (_, i) => BigInt(i + 1)));
    await stream.return!();
  });

  it('cuts off a consumer that stays behind, with a reason it can act on, and stops listening', async () => {
    vi.useFakeTimers();
    const { hub, publish, listeners } = handHub();
    const stream = eventStream(hub, { topics: ['incident' as never], maxQueued: 20 });
    publish(30);
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(stream.next()).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE', reason: 'realtime/slow_consumer' } });
    expect(listeners.size).toBe(0);
  });

  it('cuts off at once a consumer four times its limit behind, so memory stays bounded', async () => {
    const { hub, publish, listeners } = handHub();
    const stream = eventStream(hub, { topics: ['incident' as never], maxQueued: 20 });
    publish(81);
    await expect(stream.next()).rejects.toMatchObject({ extensions: { reason: 'realtime/slow_consumer' } });
    expect(listeners.size).toBe(0);
  });
});
