import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, param } from '../alerts/alert-support';
import { ASK, REJECT, RESUBMIT, fileRequest, ok } from './permits-helpers';

const MINUTE = 60_000;
const RULE = 'permit-request-waiting';

describe('a permit request left in the queue raises an alert for transport, sooner for green-channel cargo', () => {
  let t: TestApp;
  let clock: ManualClock;
  let liaison: string;
  let dispatcher: string;
  let logistics: string;
  const tick = () => t.app.modules.alerts.engine.tick();

  beforeAll(async () => {
    clock = new ManualClock(new Date('2026-12-07T01:00:00Z'));
    t = await startTestApp({ clock });
    [liaison, dispatcher, logistics] = await Promise.all([t.login('liaison'), t.login('dispatcher'), t.login('logistics')]);
  });
  afterAll(() => t?.close());

  it('raises after 30 minutes for epidemic supplies, 120 for coal, and resolves once reviewed', async () => {
    const green = await fileRequest(t, liaison, clock.now(), { cargoKind: 'EPIDEMIC_SUPPLIES', plate: '京AD20001' });
    const coal = await fileRequest(t, liaison, clock.now(), { cargoKind: 'COAL', plate: '京A20002' });
    clock.advance(30 * MINUTE - 1_000);
    await tick();
    expect(await alertsAbout(t, dispatcher, { ruleId: RULE })).toEqual([]);
    clock.advance(1_000);
    await tick();
    const [alert] = await alertsAbout(t, dispatcher, { sourceId: green.id, ruleId: RULE });
    expect(alert).toMatchObject({
      status: 'RAISED',
      workingGroup: 'TRANSPORT',
      source: { entityType: 'PermitRequest', entityId: green.id },
    });
    expect(param(alert!, 'plate')).toBe('京AD20001');
    expect(await alertsAbout(t, dispatcher, { sourceId: coal.id, ruleId: RULE })).toEqual([]);
    expect(await alertsAbout(t, logistics, { ruleId: RULE })).toEqual([]);

    clock.advance(90 * MINUTE);
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
    await tick();
    expect((await alertsAbout(t, dispatcher, { sourceId: coal.id, ruleId: RULE }))[0]?.status).toBe('RAISED');

    ok(await t.gql(ASK, { input: { requestId: green.id, question: '请补充清单' } }, dispatcher));
    ok(await t.gql(REJECT, { input: { requestId: coal.id, reason: '非紧急运输' } }, dispatcher));
    await tick();
    expect((await alertsAbout(t, dispatcher, { sourceId: green.id, ruleId: RULE }))[0]?.status).toBe('RESOLVED');
    expect((await alertsAbout(t, dispatcher, { sourceId: coal.id, ruleId: RULE }))[0]?.status).toBe('RESOLVED');

    // Answered, it waits again from the answer: a fresh 30 minutes.
    ok(await t.gql(RESUBMIT, { input: { requestId: green.id, answer: '清单已补充' } }, liaison));
    clock.advance(29 * MINUTE);
    await tick();
    expect((await alertsAbout(t, dispatcher, { sourceId: green.id, ruleId: RULE })).filter((a) => a.status === 'RAISED')).toEqual([]);
    clock.advance(MINUTE);
    await tick();
    expect((await alertsAbout(t, dispatcher, { sourceId: green.id, ruleId: RULE })).filter((a) => a.status === 'RAISED')).toHaveLength(1);
  });
});
