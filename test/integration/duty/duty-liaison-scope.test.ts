import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { createPerson } from '../dispatch/dispatch-helpers';
import { ACKNOWLEDGE, DUTY_LOG, FORWARD, ONE, logCall, ok, unitIds, type Call } from './duty-helpers';

const CHANGED = `subscription($after: EventPosition) { dutyCallChanged(after: $after) { position call { id number } } }`;

describe('a unit liaison sees only the calls forwarded to their unit', () => {
  let t: TestApp;
  let duty: string;
  let agriculture: string;
  let health: string;
  let units: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    [duty, agriculture] = await Promise.all([t.login('duty'), t.login('liaison')]);
    units = await unitIds(t, admin);
    health = await createPerson(t, admin, {
      username: 'health-liaison',
      displayName: '卫健联络员',
      roles: ['UNIT_LIAISON'],
      unitId: units['HEALTH'],
    });
  });
  afterAll(() => t?.close());

  it('finds a call forwarded to their unit in the log and by id; another unit’s is NOT there at all', async () => {
    const mine = await logCall(t, duty, { summary: '农业局：春耕物资' });
    const theirs = await logCall(t, duty, { summary: '卫健局：发热门诊' });
    const hqOnly = await logCall(t, duty, { summary: '只在指挥部' });
    ok(await t.gql(FORWARD, { input: { callId: mine.id, targets: [{ unitId: units['AGRICULTURE'] }, { group: 'LOGISTICS' }] } }, duty));
    ok(await t.gql(FORWARD, { input: { callId: theirs.id, targets: [{ unitId: units['HEALTH'] }] } }, duty));

    const log = ok(await t.gql<{ dutyLog: { total: number; items: { id: string }[] } }>(DUTY_LOG, {}, agriculture)).dutyLog;
    expect(log.items.map((i) => i.id)).toEqual([mine.id]);
    expect(log.total).toBe(1);
    const read = ok(await t.gql<{ dutyCall: Call }>(ONE, { id: mine.id }, agriculture)).dutyCall;
    // Only the forward to their own unit: the rest of HQ's distribution is not theirs to see.
    expect(read.forwards.map((f) => f.targetUnit?.id)).toEqual([units['AGRICULTURE']]);
    for (const id of [theirs.id, hqOnly.id]) {
      expect(ok(await t.gql<{ dutyCall: Call | null }>(ONE, { id }, agriculture)).dutyCall).toBeNull();
    }
  });

  it('acknowledges only a forward to their own unit; another unit’s is answered as not found', async () => {
    const call = await logCall(t, duty);
    const forwarded = ok(
      await t.gql<{ forwardDutyCall: Call }>(FORWARD, { input: { callId: call.id, targets: [{ unitId: units['HEALTH'] }] } }, duty),
    ).forwardDutyCall;
    const forwardId = forwarded.forwards[0]!.id;
    const wrong = await t.gql(ACKNOWLEDGE, { input: { forwardId } }, agriculture);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const inbox = ok(await t.gql<{ dutyForwardInbox: { id: string }[] }>('{ dutyForwardInbox { id } }', {}, health)).dutyForwardInbox;
    expect(inbox.map((f) => f.id)).toContain(forwardId);
    ok(await t.gql(ACKNOWLEDGE, { input: { forwardId } }, health));
  });

  it('receives live only the changes of calls forwarded to their unit', async () => {
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, agriculture);
    const client = wsClient(t.wsUrl, agriculture);
    const live = collect<{ dutyCallChanged: { call: { id: string } } }>(client, CHANGED, { after: data!.livePosition });
    const other = await logCall(t, duty, { summary: '与农业局无关' });
    ok(await t.gql(FORWARD, { input: { callId: other.id, targets: [{ unitId: units['HEALTH'] }] } }, duty));
    const mine = await logCall(t, duty, { summary: '转农业局' });
    ok(await t.gql(FORWARD, { input: { callId: mine.id, targets: [{ unitId: units['AGRICULTURE'] }] } }, duty));
    await live.until(1);
    // The HEALTH forward committed first: had it leaked, it would have arrived first.
    await new Promise((r) => setTimeout(r, 300));
    expect(live.errors).toEqual([]);
    expect(live.results.map((r) => r.data!.dutyCallChanged.call.id)).toEqual([mine.id]);
    live.unsubscribe();
    await client.dispose();
  });
});
