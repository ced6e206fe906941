import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/src/core/clock';
import { startTestApp, type TestApp } from '../support/test-app';
import { alertsAbout, eventsAbout, reportIncident } from './alerts/alert-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SKEW = 2 * MINUTE;
const RULE = 'incident-past-deadline';

/**
 * Two replicas whose clocks disagree by two minutes (one host's NTP broken), both evaluating the
 * deadline rule. What an operator is promised (docs/OPERATIONS.md, Clock sync): a deadline rule
 * fires by the clock of the replica that is ahead, so early by at most the skew, never before
 * that; and never twice, whichever replica evaluates later (ADR 0008: one rule's evaluations are
 * serialised by an advisory lock, and one standing alert per condition is a unique index).
 */
describe('deadline rules on two replicas whose clocks are two minutes apart', () => {
  let ahead: TestApp;
  let behind: TestApp;
  const start = new Date();
  const aheadClock = new ManualClock(new Date(start.getTime() + SKEW));
  const behindClock = new ManualClock(start);
  let duty: string;
  let leader: string;

  beforeAll(async () => {
    ahead = await startTestApp({ clock: aheadClock });
    behind = await startTestApp({ clock: behindClock, databaseUrl: ahead.databaseUrl });
    [duty, leader] = await Promise.all([behind.login('duty'), ahead.login('leader')]);
  });
  afterAll(async () => {
    await behind?.close();
    await ahead?.close();
  });

  const evaluateOnBoth = async () => {
    for (let round = 0; round < 3; round++) {
      await Promise.all([ahead, behind].flatMap((t) => [t.app.modules.alerts.engine.tick(), t.app.modules.alerts.engine.evaluate(RULE)]));
    }
    await Promise.all([ahead, behind].map((t) => t.app.modules.alerts.engine.idle()));
  };

  it('fires early by at most the skew, by the clock that is ahead, and never twice', async () => {
    // Class B: 12 h to report upward. One deadline inside the skew, one beyond it.
    const withinSkew = await reportIncident(behind, duty, {
      title: '时钟偏差：一分钟后到期',
      incidentClass: 'B',
      reportedAt: new Date(start.getTime() - 12 * HOUR + MINUTE),
    });
    const beyondSkew = await reportIncident(behind, duty, {
      title: '时钟偏差：三分钟后到期',
      incidentClass: 'B',
      reportedAt: new Date(start.getTime() - 12 * HOUR + 3 * MINUTE),
    });

    await evaluateOnBoth();
    const [early] = await alertsAbout(ahead, leader, { sourceId: withinSkew.id, ruleId: RULE });
    // Raised one minute before the true deadline (the behind clock's), by the replica ahead.
    expect(early).toMatchObject({ status: 'RAISED', count: 1 });
    const deadline = start.getTime() + MINUTE;
    expect(new Date(early!.raisedAt).getTime()).toBeGreaterThanOrEqual(deadline - SKEW);
    expect(await alertsAbout(ahead, leader, { sourceId: beyondSkew.id, ruleId: RULE })).toEqual([]);

    // The behind replica reaches the first deadline too: nothing new. Then the second is due on both.
    aheadClock.advance(SKEW);
    behindClock.advance(SKEW);
    await evaluateOnBoth();
    const first = await alertsAbout(ahead, leader, { sourceId: withinSkew.id, ruleId: RULE });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ id: early!.id, count: 1 });
    expect((await eventsAbout(ahead, early!.id)).map((e) => e.kind)).toEqual(['CREATED']);
    const second = await alertsAbout(ahead, leader, { sourceId: beyondSkew.id, ruleId: RULE });
    expect(second).toHaveLength(1);
    expect((await eventsAbout(ahead, second[0]!.id)).map((e) => e.kind)).toEqual(['CREATED']);
  });
});
