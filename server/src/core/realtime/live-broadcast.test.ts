import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DeliveryRounds } from './delivery-rounds';
import { LiveBroadcast, LiveMember } from './live-broadcast';
import { directSink } from './shared-execution';
import type { EventRecord } from './topics';
import { textFrames } from './ws-frames';

const event = (position: number) => ({ position: BigInt(position), topic: 'incident', committedAt: new Date() }) as unknown as EventRecord;
const resultAt = (position: number): ExecutionResult => ({ data: { changed: `at ${position}` } });
const message = (id: string, position: number) =>
  Buffer.from(`{"id":"${id}","type":"next","payload":${JSON.stringify(resultAt(position))}}`);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Three events committed together reach the broadcast before its round: the round delivers
 * them to each live member in one write, or one by one where a member cannot take them all.
 */
describe('a broadcast round carrying several events', () => {
  function broadcastOf(positions: number[], serialize = (_: number) => true) {
    const serialized = new WeakMap<object, Buffer>();
    async function* source() {
      for (const p of positions) yield event(p);
      await new Promise(() => undefined); // the source stays open, as a live one does
    }
    const broadcast = new LiveBroadcast({
      rounds: new DeliveryRounds({ writeShare: 1 }),
      source: source(),
      execute: async (e) => {
        const result = resultAt(Number(e.position));
        if (serialize(Number(e.position))) serialized.set(result, Buffer.from(JSON.stringify(result)));
        return result;
      },
      serializedOf: (result) => serialized.get(result),
      onBroken: () => undefined,
    });
    return broadcast;
  }

  const writtenBy = (id: string) => {
    const writes: Buffer[] = [];
    return {
      writes,
      sink: directSink(id, { send: () => expect.unreachable('a live member gets frames'), sendFramed: (b) => writes.push(b) }),
    };
  };

  it('writes a caught-up member all of them in one write, framed once for members with the same subscription id', async () => {
    const a = writtenBy('1');
    const b = writtenBy('1');
    const broadcast = broadcastOf([1, 2, 3]);
    for (const { sink } of [a, b]) {
      const member = new LiveMember(0n, sink, () => undefined);
      void member.next(); // graphql-ws waiting for the next result
      broadcast.members.add(member);
    }
    await settle();
    const expected = textFrames([message('1', 1), message('1', 2), message('1', 3)]);
    expect(a.writes).toEqual([expected]);
    expect(b.writes).toEqual([expected]);
    expect(a.writes[0]).toBe(b.writes[0]); // the same bytes, not a copy per member
  });

  it('gives a member that joined mid-batch only what comes after its own position', async () => {
    const joining = writtenBy('7');
    const broadcast = broadcastOf([1, 2, 3]);
    const member = new LiveMember(2n, joining.sink, () => undefined);
    void member.next();
    broadcast.members.add(member);
    await settle();
    expect(joining.writes).toEqual([textFrames([message('7', 3)])]);
  });

  it('hands results to graphql-ws in order when the member has no direct sink, or from the first result with errors on', async () => {
    const broadcast = broadcastOf([1, 2, 3], (p) => p !== 2); // 2 could not be shared (as a result with errors)
    const plain = new LiveMember(0n, undefined, () => undefined);
    const mixed = writtenBy('9');
    const direct = new LiveMember(0n, mixed.sink, () => undefined);
    const first = direct.next();
    broadcast.members.add(plain);
    broadcast.members.add(direct);
    await settle();
    expect(await Promise.all([plain.next(), plain.next(), plain.next()])).toEqual(
      [1, 2, 3].map((p) => ({ done: false, value: resultAt(p) })),
    );
    // 1 went straight to the socket; 2 went to graphql-ws, and 3 followed it there to keep the order.
    expect(mixed.writes).toEqual([textFrames([message('9', 1)])]);
    expect(await first).toEqual({ done: false, value: resultAt(2) });
    expect(await direct.next()).toEqual({ done: false, value: resultAt(3) });
  });

  it('fails its members instead of leaving them short when a write throws, so they resume from their own position', async () => {
    const broadcast = broadcastOf([1, 2]);
    const broken = directSink('1', {
      send: () => expect.unreachable('a live member gets frames'),
      sendFramed: () => {
        throw new Error('socket gone');
      },
    });
    const member = new LiveMember(0n, broken, () => undefined);
    const waiting = member.next();
    broadcast.members.add(member);
    await expect(waiting).rejects.toThrow('socket gone');
  });
});
