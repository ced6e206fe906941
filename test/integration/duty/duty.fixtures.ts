import { WORKING_GROUP_OF_ROLE } from '@cc/shared';
import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

/** A call as the duty officer logs it; the fixture administrator holds DUTY_OFFICER among every HQ role. */
const CALL_INPUT = {
  callerName: '王村医（测试）',
  callerPhone: '138 0000 0000',
  unitText: '城关镇卫生院',
  category: 'EPIDEMIC_REPORT',
  urgency: 'URGENT',
  summary: '发热病人 2 名，请求转运（测试）',
};

async function newCall(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { logDutyCall } = await env.setup<{ logDutyCall: { id: string; version: number } }>(
    'mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { id version } }',
    { input: CALL_INPUT },
  );
  return logDutyCall;
}

/** Where a forward must go for the actor to receive it: their unit (a liaison), their group, or any (a leader). */
function receiverOf(env: FixtureEnv): { group?: string; unitId?: string } {
  const roles = env.actor?.roles ?? [];
  if (env.actor?.unitId && roles.includes('UNIT_LIAISON')) return { unitId: env.actor.unitId };
  const group = roles.map((r) => WORKING_GROUP_OF_ROLE[r]).find((g) => g !== undefined);
  return { group: group ?? 'TRANSPORT' };
}

/** A call forwarded to the actor (so a unit liaison may see it too); its forward's id. */
async function callForwardedToActor(env: FixtureEnv): Promise<{ callId: string; forwardId: string }> {
  const call = await newCall(env);
  const { forwardDutyCall } = await env.setup<{ forwardDutyCall: { forwards: { id: string }[] } }>(
    'mutation($input: ForwardDutyCallInput!) { forwardDutyCall(input: $input) { forwards { id } } }',
    { input: { callId: call.id, targets: [receiverOf(env)], note: '请核实（测试）' } },
  );
  return { callId: call.id, forwardId: forwardDutyCall.forwards[0]!.id };
}

/** 值班值守: fixtures for every duty operation, and the duty tables' invariants. */
export const MODULE: ModuleTests = {
  module: 'duty',
  fixtures: {
    dutyLog: () => ({ filter: { search: '测试' }, first: 20 }),
    dutyCall: async (env) => ({ id: (await callForwardedToActor(env)).callId }),
    dutyCallChanged: () => ({}),
    dutyCallSuggestions: () => ({ prefix: '王' }),
    dutyMemberUnits: () => ({}),
    dutyForwardInbox: () => ({ first: 20 }),
    logDutyCall: () => ({ input: { ...CALL_INPUT, notes: '来电人称已自行隔离（测试）' } }),
    claimDutyCall: async (env) => ({ input: { callId: (await newCall(env)).id } }),
    forwardDutyCall: async (env) => ({
      input: { callId: (await newCall(env)).id, targets: [{ group: 'TRANSPORT' }, { unitId: env.unitId('HEALTH') }] },
    }),
    acknowledgeDutyForward: async (env) => ({ input: { forwardId: (await callForwardedToActor(env)).forwardId, note: '已收到（测试）' } }),
    correctDutyCall: async (env) => ({
      input: { callId: (await newCall(env)).id, field: 'summary', value: '发热病人 3 名（测试）', reason: '来电人更正人数' },
    }),
    closeDutyCall: async (env) => ({ input: { callId: (await newCall(env)).id, note: '已办结（测试）' } }),
    convertDutyCallToIncident: async (env) => ({
      input: { callId: (await newCall(env)).id, title: '城关镇发热病人（测试）', incidentClass: 'B', location: '城关镇' },
    }),
    convertDutyCallToDispatchOrder: async (env) => ({
      input: {
        callId: (await newCall(env)).id,
        cargoKind: 'MEDICAL_TRANSFER',
        cargoAmount: 2,
        cargoUnit: 'PERSONS',
        origin: '城关镇卫生院',
        destination: '县人民医院发热门诊',
        requestingGroup: 'DUTY',
      },
    }),
  },
  fieldHints: {
    callerName: ['王村医', ''],
    callerPhone: ['13800000000', '010-6000 0000', '12345'],
    field: ['summary', 'callerPhone', 'receivedAt', 'category', 'number'],
    value: ['2026-12-07T09:30:00+08:00', 'URGENT', '更正后的摘要', ''],
    prefix: ['王', '138'],
  },
  invariants: {
    duty_call: [
      {
        broken: 'a day whose call numbers are not 1..n without gaps',
        sql: `select hq_day, count(*), max(sequence) from duty_call group by hq_day having count(*) <> max(sequence)`,
      },
      {
        broken: 'a call whose number does not say its day and sequence',
        sql: `select number from duty_call where number <> 'ZB-' || to_char(hq_day, 'YYYYMMDD') || '-' || lpad(sequence::text, 3, '0')`,
      },
      {
        broken: 'a day’s counter behind its calls',
        sql: `select c.hq_day from duty_call c left join duty_call_counter k on k.day = c.hq_day
              group by c.hq_day, k.last having k.last is null or k.last <> max(c.sequence)`,
      },
      {
        broken: 'a forwarded call without a forward, or an open call with one',
        sql: `select c.number, c.status from duty_call c where (c.status = 'FORWARDED') <> exists (select 1 from duty_call_forward f where f.call_id = c.id)
              and c.status <> 'CLOSED'`,
      },
    ],
    duty_call_counter: { none: 'per-day numbering; checked against the calls by duty_call’s invariants' },
    duty_call_forward: [
      {
        broken: 'a forward whose call does not exist',
        sql: `select f.id from duty_call_forward f where not exists (select 1 from duty_call c where c.id = f.call_id)`,
      },
      {
        // A receiver acknowledges only what is addressed to them (duty-call.policy.ts).
        broken: 'a forward acknowledged by a liaison of another unit',
        sql: `select f.id, u.username from duty_call_forward f join app_user u on u.id = f.acknowledged_by_id
              where 'UNIT_LIAISON' = any (u.roles) and not ('LEADER' = any (u.roles)) and f.target_unit_id is distinct from u.unit_id`,
      },
    ],
    duty_call_outcome: [
      {
        broken: 'an outcome pointing at an incident or dispatch order that does not exist',
        sql: `select o.id from duty_call_outcome o
              where (o.incident_id is not null and not exists (select 1 from incident i where i.id = o.incident_id))
                 or (o.dispatch_order_id is not null and not exists (select 1 from dispatch_order d where d.id = o.dispatch_order_id))`,
      },
      {
        broken: 'an outcome whose record does not link back to the call',
        sql: `select o.id from duty_call_outcome o
              left join incident i on i.id = o.incident_id left join dispatch_order d on d.id = o.dispatch_order_id
              where (o.kind = 'INCIDENT' and i.source_call_id is distinct from o.call_id)
                 or (o.kind = 'DISPATCH_ORDER' and d.call_id is distinct from o.call_id)`,
      },
    ],
    duty_call_correction: [
      {
        broken: 'a call whose current value differs from its latest correction',
        sql: `select c.number, k.field from duty_call c
              join lateral (select distinct on (field) field, new_value from duty_call_correction where call_id = c.id
                            order by field, corrected_at desc, id desc) k on true
              where k.new_value is distinct from case k.field
                when 'callerName' then c.caller_name when 'callerPhone' then c.caller_phone when 'unitText' then c.unit_text
                when 'category' then c.category when 'urgency' then c.urgency when 'summary' then c.summary
                when 'notes' then c.notes
                when 'receivedAt' then to_char(c.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') end`,
      },
    ],
  },
};
