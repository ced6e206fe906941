import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, param } from '../alerts/alert-support';
import { ACKNOWLEDGE, FORWARD, logCall, ok, type Call } from './duty-helpers';

const MINUTE = 60_000;
const UPDATE_RULE = `mutation($input: UpdateAlertRuleInput!) { updateAlertRule(input: $input) { id thresholds { key value } } }`;
const RULE = 'duty-forward-unacknowledged';

describe('a forwarded call nobody acknowledges raises a warning for the receiving group', () => {
  let t: TestApp;
  let clock: ManualClock;
  let duty: string;
  let dispatcher: string;
  let logistics: string;
  let admin: string;
  const tick = () => t.app.modules.alerts.engine.tick();

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
    [duty, dispatcher, logistics, admin] = await Promise.all([
      t.login('duty'),
      t.login('dispatcher'),
      t.login('logistics'),
      t.login('admin'),
    ]);
  });
  afterAll(() => t?.close());

  async function forwardedToTransport(): Promise<{ call: Call; forwardId: string }> {
    const call = await logCall(t, duty);
    const forwarded = ok(
      await t.gql<{ forwardDutyCall: Call }>(FORWARD, { input: { callId: call.id, targets: [{ group: 'TRANSPORT' }] } }, duty),
    ).forwardDutyCall;
    return { call, forwardId: forwarded.forwards[0]!.id };
  }

  it('is raised 15 minutes after the forward, for transport only, and resolves when transport acknowledges', async () => {
    const { call, forwardId } = await forwardedToTransport();
    clock.advance(15 * MINUTE - 1_000);
    await tick();
    expect(await alertsAbout(t, dispatcher, { sourceId: call.id, ruleId: RULE })).toEqual([]);
    clock.advance(1_000);
    await tick();
    const [alert] = await alertsAbout(t, dispatcher, { sourceId: call.id, ruleId: RULE });
    expect(alert).toMatchObject({
      level: 'WARNING',
      status: 'RAISED',
      workingGroup: 'TRANSPORT',
      source: { entityType: 'DutyCall', entityId: call.id },
    });
    expect(param(alert!, 'number')).toBe(call.number);
    expect(await alertsAbout(t, logistics, { sourceId: call.id, ruleId: RULE })).toEqual([]);

    ok(await t.gql(ACKNOWLEDGE, { input: { forwardId } }, dispatcher));
    await tick();
    expect((await alertsAbout(t, dispatcher, { sourceId: call.id, ruleId: RULE }))[0]?.status).toBe('RESOLVED');
  });

  it('resolves when the call is closed: a closed call’s forward waits for nobody', async () => {
    const { call } = await forwardedToTransport();
    clock.advance(15 * MINUTE);
    await tick();
    expect((await alertsAbout(t, dispatcher, { sourceId: call.id, ruleId: RULE }))[0]?.status).toBe('RAISED');
    ok(await t.gql('mutation($input: CloseDutyCallInput!) { closeDutyCall(input: $input) { id } }', { input: { callId: call.id } }, duty));
    await tick();
    expect((await alertsAbout(t, dispatcher, { sourceId: call.id, ruleId: RULE }))[0]?.status).toBe('RESOLVED');
  });

  it('follows the threshold the administrator sets', async () => {
    ok(await t.gql(UPDATE_RULE, { input: { ruleId: RULE, thresholds: [{ key: 'minutes', value: 5 }] } }, admin));
    try {
      const { call } = await forwardedToTransport();
      clock.advance(5 * MINUTE);
      await tick();
      expect((await alertsAbout(t, dispatcher, { sourceId: call.id, ruleId: RULE }))[0]?.status).toBe('RAISED');
    } finally {
      ok(await t.gql(UPDATE_RULE, { input: { ruleId: RULE, resetToDefaults: true } }, admin));
    }
  });
});
