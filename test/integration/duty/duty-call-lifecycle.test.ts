import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ACKNOWLEDGE, CLAIM, CORRECT, DUTY_LOG, FORWARD, ONE, TO_INCIDENT, logCall, ok, type Call } from './duty-helpers';

describe('a duty call from the phone to its forward, correction and incident', () => {
  let t: TestApp;
  let duty: string;
  let dispatcher: string;
  let logistics: string;
  beforeAll(async () => {
    t = await startTestApp();
    [duty, dispatcher, logistics] = await Promise.all([t.login('duty'), t.login('dispatcher'), t.login('logistics')]);
  });
  afterAll(() => t?.close());

  it('logs a call numbered ZB-<today>-nnn, OPEN, with the phone written as people write it', async () => {
    const call = await logCall(t, duty);
    expect(call.number).toMatch(/^ZB-\d{8}-\d{3}$/);
    expect(call).toMatchObject({ status: 'OPEN', callerPhone: '138 0000 0000', forwards: [], outcomes: [], corrections: [] });
  });

  it('refuses a summary past its limit instead of cutting it, and a phone that cannot be dialled', async () => {
    const long = await t.gql(
      `mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { id } }`,
      {
        input: { callerName: '张三', category: 'OTHER', urgency: 'ROUTINE', summary: '长'.repeat(2001) },
      },
      duty,
    );
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'summary', reason: 'text/too_long' });
    const phone = await t.gql(
      `mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { id } }`,
      {
        input: { callerName: '张三', callerPhone: '12345', category: 'OTHER', urgency: 'ROUTINE', summary: '咨询' },
      },
      duty,
    );
    expect(phone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'callerPhone' });
    const old = await t.gql(
      `mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { id } }`,
      {
        input: {
          callerName: '张三',
          category: 'OTHER',
          urgency: 'ROUTINE',
          summary: '咨询',
          receivedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
        },
      },
      duty,
    );
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedAt' });
  });

  it('forwards to transport; only the transport group (or a leader) acknowledges, and the call shows who did', async () => {
    const call = await logCall(t, duty);
    const forwarded = ok(
      await t.gql<{ forwardDutyCall: Call }>(FORWARD, { input: { callId: call.id, targets: [{ group: 'TRANSPORT' }] } }, duty),
    ).forwardDutyCall;
    expect(forwarded.status).toBe('FORWARDED');
    const forwardId = forwarded.forwards[0]!.id;
    const inbox = ok(await t.gql<{ dutyForwardInbox: { id: string }[] }>('{ dutyForwardInbox { id } }', {}, dispatcher)).dutyForwardInbox;
    expect(inbox.map((f) => f.id)).toContain(forwardId);
    const wrongGroup = await t.gql(ACKNOWLEDGE, { input: { forwardId } }, logistics);
    expect(wrongGroup.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const acknowledged = ok(
      await t.gql<{ acknowledgeDutyForward: Call }>(ACKNOWLEDGE, { input: { forwardId, note: '已安排' } }, dispatcher),
    ).acknowledgeDutyForward;
    expect(acknowledged.forwards[0]).toMatchObject({ acknowledgedBy: { displayName: '张调配 (运输调配)' } });
  });

  it('claims a call once: the second officer is told who has it', async () => {
    const call = await logCall(t, duty);
    const leader = await t.login('leader');
    ok(await t.gql(CLAIM, { input: { callId: call.id } }, duty));
    const second = await t.gql(CLAIM, { input: { callId: call.id } }, leader);
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'dutyCall/already_claimed',
      claimedBy: '王值班 (值班员)',
    });
  });

  it('corrects by appending: the call shows the new value and keeps the old one in its corrections', async () => {
    const call = await logCall(t, duty);
    const corrected = ok(
      await t.gql<{ correctDutyCall: Call }>(
        CORRECT,
        { input: { callId: call.id, field: 'summary', value: '发热病人 3 名', reason: '来电人更正' } },
        duty,
      ),
    ).correctDutyCall;
    expect(corrected.summary).toBe('发热病人 3 名');
    expect(corrected.corrections).toMatchObject([
      { field: 'summary', previousValue: A_SUMMARY, newValue: '发热病人 3 名', reason: '来电人更正' },
    ]);
  });

  it('turns a call into an incident linked both ways', async () => {
    const call = await logCall(t, duty);
    const converted = ok(
      await t.gql<{ convertDutyCallToIncident: Call }>(
        TO_INCIDENT,
        { input: { callId: call.id, title: '城关镇发热病人', incidentClass: 'B' } },
        duty,
      ),
    ).convertDutyCallToIncident;
    expect(converted.outcomes).toMatchObject([{ kind: 'INCIDENT', label: '城关镇发热病人' }]);
    const incident = ok(
      await t.gql<{ incident: { sourceCall: { id: string; number: string } } }>(
        'query($id: ID!) { incident(id: $id) { sourceCall { id number } } }',
        { id: converted.outcomes[0]!.entityId },
        duty,
      ),
    ).incident;
    expect(incident.sourceCall).toEqual({ id: call.id, number: call.number });
  });

  it('lists today’s log newest first and finds a call by its caller, phone or number', async () => {
    const call = await logCall(t, duty, { callerName: '独特来电人', callerPhone: '010-6000 1234' });
    for (const search of ['独特来电', '6000 1234', '60001234', call.number]) {
      const page = ok(await t.gql<{ dutyLog: { total: number; items: { id: string }[] } }>(DUTY_LOG, { filter: { search } }, duty)).dutyLog;
      expect(
        page.items.map((i) => i.id),
        search,
      ).toEqual([call.id]);
    }
    const all = ok(await t.gql<{ dutyLog: { total: number; items: { id: string }[] } }>(DUTY_LOG, { first: 2 }, duty)).dutyLog;
    expect(all.items).toHaveLength(2);
    expect(all.items[0]!.id).toBe(call.id);
    expect(all.total).toBeGreaterThan(2);
    const one = ok(await t.gql<{ dutyCall: Call }>(ONE, { id: call.id }, dispatcher)).dutyCall;
    expect(one.number).toBe(call.number);
  });

  it('suggests recent callers by name or phone, and free-text units, as the officer types', async () => {
    await logCall(t, duty, { callerName: '孙站长', callerPhone: '139 1234 5678', unitText: '南关检疫站' });
    const byName = ok(
      await t.gql<{ dutyCallSuggestions: { callers: { name: string; phone: string }[]; units: string[] } }>(
        'query($p: String!) { dutyCallSuggestions(prefix: $p) { callers { name phone unitText } units } }',
        { p: '孙' },
        duty,
      ),
    ).dutyCallSuggestions;
    expect(byName.callers).toEqual([{ name: '孙站长', phone: '139 1234 5678', unitText: '南关检疫站' }]);
    const byPhone = ok(
      await t.gql<{ dutyCallSuggestions: { callers: { name: string }[] } }>(
        'query($p: String!) { dutyCallSuggestions(prefix: $p) { callers { name } } }',
        { p: '1391234' },
        duty,
      ),
    ).dutyCallSuggestions;
    expect(byPhone.callers.map((c) => c.name)).toEqual(['孙站长']);
    const units = ok(
      await t.gql<{ dutyCallSuggestions: { units: string[] } }>(
        'query($p: String!) { dutyCallSuggestions(prefix: $p) { units } }',
        { p: '南关' },
        duty,
      ),
    ).dutyCallSuggestions;
    expect(units.units).toEqual(['南关检疫站']);
  });
});

const A_SUMMARY = '发热病人 2 名，请求转运';
