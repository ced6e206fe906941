import { describe, expect, it } from 'vitest';
import { DeliveryRounds, gapAfterRound } from './delivery-rounds';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gapAfterRound', () => {
  it('leaves as much time for other work as the round took when writes may take half the loop', () => {
    expect(gapAfterRound(30, 0.5, 200)).toBe(30);
  });

  it('leaves three times the round when writes may take a quarter, and nothing when they may take all of it', () => {
    expect(gapAfterRound(10, 0.25, 200)).toBe(30);
    expect(gapAfterRound(10, 1, 200)).toBe(0);
  });

  it('never waits longer than the cap, however long the round was', () => {
    expect(gapAfterRound(1_000, 0.5, 200)).toBe(200);
  });
});

describe('DeliveryRounds', () => {
  /** A clock the test moves: each flush "takes" as long as the test says. */
  function pacedRounds(writeShare: number) {
    let clock = 1_000;
    const rounds = new DeliveryRounds({ writeShare, now: () => clock });
    const flushTaking =
      (ms: number, events = 1) =>
      () => {
        clock += ms;
        return events;
      };
    return { rounds, flushTaking, advance: (ms: number) => (clock += ms) };
  }

  it('runs the first round at once and every broadcast asking before it in that same round', async () => {
    const { rounds, flushTaking } = pacedRounds(0.5);
    const ran: string[] = [];
    rounds.request(() => (ran.push('a'), 2));
    rounds.request(() => (ran.push('b'), 3));
    rounds.request(flushTaking(0));
    await nextTurn();
    expect(ran).toEqual(['a', 'b']);
    expect(rounds.stats).toMatchObject({ rounds: 1, flushes: 3, events: 6 });
  });

  it('asks a broadcast that requests twice before its round to flush once', async () => {
    const { rounds } = pacedRounds(0.5);
    let flushed = 0;
    const flush = () => ++flushed;
    rounds.request(flush);
    rounds.request(flush);
    await nextTurn();
    expect(flushed).toBe(1);
  });

  it('holds the next round back after a long one, so that more events ride on each write', async () => {
    const { rounds, flushTaking } = pacedRounds(0.5);
    rounds.request(flushTaking(40)); // a 40 ms round: the next may start 40 ms after it ended
    await nextTurn();
    let ran = false;
    rounds.request(() => ((ran = true), 1));
    await sleep(15);
    expect(ran).toBe(false);
    await sleep(60);
    expect(ran).toBe(true);
  });

  it('does not hold back a round when the gap has already passed (a quiet spell)', async () => {
    const { rounds, flushTaking, advance } = pacedRounds(0.5);
    rounds.request(flushTaking(40));
    await nextTurn();
    advance(50);
    let ran = false;
    rounds.request(() => ((ran = true), 1));
    await nextTurn();
    expect(ran).toBe(true);
  });

  it('refuses a share of the loop outside (0, 1]', () => {
    expect(() => new DeliveryRounds({ writeShare: 0 })).toThrow(RangeError);
    expect(() => new DeliveryRounds({ writeShare: 1.5 })).toThrow(RangeError);
  });
});
