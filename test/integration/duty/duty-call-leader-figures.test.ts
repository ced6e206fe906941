import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { FORWARD, logCall, ok } from './duty-helpers';

const DASHBOARD = '{ leaderDashboard { dutyCallForwardTimes { count p50Seconds p90Seconds } } }';

describe('the leader’s board: a call logged → forwarded, today', () => {
  let t: TestApp;
  let clock: ManualClock;
  let duty: string;
  let leader: string;
  beforeAll(async () => {
    // Mid-morning at HQ, so the whole test stays within one HQ day.
    clock = new ManualClock(new Date('2026-12-07T02:00:00Z'));
    t = await startTestApp({ clock });
    [duty, leader] = await Promise.all([t.login('duty'), t.login('leader')]);
  });
  afterAll(() => t?.close());

  it('shows p50 and p90 of the minutes from logging to the first forward, over today’s forwarded calls', async () => {
    const empty = ok(await t.gql<{ leaderDashboard: { dutyCallForwardTimes: unknown } }>(DASHBOARD, {}, leader));
    expect(empty.leaderDashboard.dutyCallForwardTimes).toEqual({ count: 0, p50Seconds: null, p90Seconds: null });
    for (const minutes of [1, 2, 3, 4, 10]) {
      const call = await logCall(t, duty);
      clock.advance(minutes * 60_000);
      ok(await t.gql(FORWARD, { input: { callId: call.id, targets: [{ group: 'LOGISTICS' }] } }, duty));
    }
    await logCall(t, duty); // not forwarded yet: not counted
    const figures = ok(await t.gql<{ leaderDashboard: { dutyCallForwardTimes: unknown } }>(DASHBOARD, {}, leader));
    expect(figures.leaderDashboard.dutyCallForwardTimes).toEqual({ count: 5, p50Seconds: 180, p90Seconds: 600 });
  });
});
