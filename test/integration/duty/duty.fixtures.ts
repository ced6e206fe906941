import { canAcknowledgeHqDelivery, WORKING_GROUP_OF_ROLE, WORKING_GROUPS, type HqInstructionTarget } from '@cc/shared';
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
/** The call log (值班记录) and its forwarding (运转). */
const CALL_TESTS: ModuleTests = {
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

// ---- roster (排班表) ----

const HOUR = 3_600_000;
const SHIFT_FIELDS = 'id version startsAt endsAt members { userId role checkedInAt }';

/** Ids of the demo people by user name (the fixture administrator reads them once per run). */
let demoPeople: Promise<Map<string, string>> | undefined;
function demoPerson(env: FixtureEnv, username: string): Promise<string> {
  demoPeople ??= env
    .setup<{ users: { id: string; username: string }[] }>('{ users { id username } }')
    .then(({ users }) => new Map(users.map((u) => [u.username, u.id])));
  return demoPeople.then((people) => people.get(username)!);
}

/** A fresh shift (nobody checked in) from now to 8 hours on; `officer` defaults to the demo duty officer. */
async function newShift(env: FixtureEnv, officerId?: string): Promise<{ id: string; version: number }> {
  const start = Date.now();
  const { createDutyShift } = await env.setup<{ createDutyShift: { id: string; version: number } }>(
    `mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { ${SHIFT_FIELDS} } }`,
    {
      input: {
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 8 * HOUR).toISOString(),
        note: '测试班次',
        members: [
          { userId: officerId ?? (await demoPerson(env, 'duty')), role: 'OFFICER' },
          { userId: await demoPerson(env, 'leader'), role: 'LEADER' },
        ].filter((m, i, all) => all.findIndex((o) => o.userId === m.userId) === i),
      },
    },
  );
  return createDutyShift;
}

/** HQ staff may be on a shift; a unit's liaison (or nobody) checks in to a shift of the demo officer's, and is refused. */
const mayServe = (env: FixtureEnv) => (env.actor && !env.actor.roles.includes('UNIT_LIAISON') ? env.actor.userId : undefined);

/** 值班值守: fixtures for every duty operation, and the duty tables' invariants. */
/** The roster (排班表). */
const ROSTER_TESTS: ModuleTests = {
  module: 'duty',
  fixtures: {
    dutyRoster: () => ({ from: new Date(Date.now() - 24 * HOUR).toISOString(), to: new Date(Date.now() + 6 * 24 * HOUR).toISOString() }),
    dutyRosterPeople: () => ({}),
    createDutyShift: async (env) => ({
      input: {
        startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 56 * HOUR).toISOString(),
        note: '',
        members: [{ userId: await demoPerson(env, 'duty'), role: 'OFFICER' }],
      },
    }),
    updateDutyShift: async (env) => {
      const shift = await newShift(env);
      return {
        input: {
          id: shift.id,
          expectedVersion: shift.version,
          startsAt: new Date(Date.now() - HOUR).toISOString(),
          endsAt: new Date(Date.now() + 7 * HOUR).toISOString(),
          note: '改班',
          members: [
            { userId: await demoPerson(env, 'duty'), role: 'OFFICER' },
            { userId: await demoPerson(env, 'dispatcher'), role: 'BACKUP' },
          ],
        },
      };
    },
    deleteDutyShift: async (env) => ({ input: { shiftId: (await newShift(env)).id } }),
    checkInDutyShift: async (env) => ({ input: { shiftId: (await newShift(env, mayServe(env))).id } }),
    dutyShiftChanged: () => ({}),
  },
  fieldHints: {
    role: ['OFFICER', 'LEADER', 'BACKUP'],
    startsAt: ['2026-11-25T00:00:00.000Z', 'not a date'],
    endsAt: ['2026-11-25T08:00:00.000Z', '2026-11-24T00:00:00.000Z'],
  },
  invariants: {
    duty_shift: [
      {
        broken: 'a shift that does not end after it starts, or lasts more than 26 hours',
        sql: `select id from duty_shift where ends_at <= starts_at or ends_at - starts_at > interval '26 hours'`,
      },
    ],
    duty_shift_member: [
      {
        broken: 'a person on one shift more than once',
        sql: `select shift_id, user_id, count(*) from duty_shift_member group by shift_id, user_id having count(*) > 1`,
      },
      {
        broken: 'a check-in before the check-in window opened (30 minutes before the start)',
        sql: `select m.id from duty_shift_member m join duty_shift s on s.id = m.shift_id
              where m.checked_in_at is not null and m.created_at >= $1 and m.checked_in_at < s.starts_at - interval '30 minutes'`,
        sinceFuzzingBegan: true,
      },
    ],
  },
};

// ---- HQ instructions and handover ----
// ---- HQ instructions (传达) ----

const RECORD = `mutation($input: RecordHqInstructionInput!) {
  recordHqInstruction(input: $input) { id deliveries { id targetGroup targetUnitId } }
}`;

interface Recorded {
  recordHqInstruction: { id: string; deliveries: { id: string; targetGroup: string | null; targetUnitId: string | null }[] };
}

/** An instruction to all four groups and AGRICULTURE (the matrix's liaisons' unit), so every caller has a copy to sign. */
async function newInstruction(env: FixtureEnv): Promise<Recorded['recordHqInstruction']> {
  const { recordHqInstruction } = await env.setup<Recorded>(RECORD, {
    input: {
      source: '指挥部',
      content: '各小组加强夜间值守，发现情况及时上报（测试）',
      priority: 'URGENT',
      targets: [...WORKING_GROUPS.map((group) => ({ group })), { unitId: env.unitId('AGRICULTURE') }],
    },
  });
  return recordHqInstruction;
}

// ---- Shift handover (交接班) ----

interface HandoverRef {
  id: string;
  outgoingSignedBy: { id: string } | null;
  incomingSignedBy: { id: string } | null;
}
const REF = 'id outgoingSignedBy { id } incomingSignedBy { id }';

/**
 * A fresh, unsigned draft of the current shift's handover. A draft someone (an earlier fixture's
 * caller) half-signed is first closed by the setup user signing the other side: generating again
 * is refused while signing is under way.
 */
async function freshDraft(env: FixtureEnv): Promise<HandoverRef> {
  const { currentShiftHandover: current } = await env.setup<{ currentShiftHandover: HandoverRef | null }>(
    `{ currentShiftHandover { ${REF} } }`,
  );
  if (current && (current.outgoingSignedBy || current.incomingSignedBy)) {
    await env.setup('mutation($input: SignShiftHandoverInput!) { signShiftHandover(input: $input) { id } }', {
      input: { handoverId: current.id, role: current.outgoingSignedBy ? 'INCOMING' : 'OUTGOING' },
    });
  }
  const { generateShiftHandover } = await env.setup<{ generateShiftHandover: HandoverRef }>(
    `mutation { generateShiftHandover { ${REF} } }`,
  );
  return generateShiftHandover;
}

/** 值班值守: fixtures for every duty operation, and the duty tables' invariants. */
/** HQ instructions (传达) and the shift handover (交接班). */
const HANDOVER_TESTS: ModuleTests = {
  module: 'duty',
  fixtures: {
    hqInstructions: () => ({ first: 20, onlyOpen: true }),
    hqInstruction: async (env) => ({ id: (await newInstruction(env)).id }),
    hqInstructionChanged: () => ({}),
    hqInstructionUnits: () => ({}),
    recordHqInstruction: () => ({
      input: { source: '上级', content: '明日起检疫点物资每日补充一次（测试）', targets: [{ group: 'TRANSPORT' }, { group: 'LOGISTICS' }] },
    }),
    // The copy this caller may sign: their group's, their unit's, or (a leader) any.
    acknowledgeHqInstruction: async (env) => {
      const instruction = await newInstruction(env);
      const actor = env.actor;
      const mine =
        instruction.deliveries.find((d) => !actor || canAcknowledgeHqDelivery(actor, d as HqInstructionTarget)) ??
        instruction.deliveries[0]!;
      return { input: { deliveryId: mine.id, note: '已收到（测试）' } };
    },
    shiftHandovers: () => ({ first: 5 }),
    shiftHandover: async (env) => ({ id: (await freshDraft(env)).id }),
    currentShiftHandover: () => ({}),
    shiftHandoverChanged: () => ({}),
    generateShiftHandover: async (env) => {
      await freshDraft(env);
      return { input: { note: '夜班平稳（测试）' } };
    },
    updateShiftHandoverNote: async (env) => ({
      input: { handoverId: (await freshDraft(env)).id, note: '补充：三号检疫点物资已补足（测试）' },
    }),
    signShiftHandover: async (env) => ({ input: { handoverId: (await freshDraft(env)).id, role: 'OUTGOING' } }),
  },
  fieldHints: {
    source: ['指挥部', '上级', ''],
    content: ['请各小组立即落实', ''],
  },
  invariants: {
    hq_instruction: [
      {
        broken: 'an HQ instruction with no delivery',
        sql: `select i.id from hq_instruction i where not exists (select 1 from hq_instruction_delivery d where d.instruction_id = i.id)`,
      },
      {
        broken: 'an HQ instruction marked fully acknowledged with a copy still waiting, or open with every copy signed',
        sql: `select i.id from hq_instruction i
              where (i.fully_acknowledged_at is not null)
                  = exists (select 1 from hq_instruction_delivery d where d.instruction_id = i.id and d.acknowledged_at is null)`,
      },
    ],
    hq_instruction_delivery: [
      {
        broken: 'a copy signed for by someone who may not sign for it (not of its group, not its unit’s liaison, not a leader)',
        sql: `select d.id, u.username from hq_instruction_delivery d join app_user u on u.id = d.acknowledged_by_id
              where not ('LEADER' = any (u.roles))
                and not (d.target_unit_id is not null and 'UNIT_LIAISON' = any (u.roles) and u.unit_id = d.target_unit_id)
                and not (d.target_group = 'DUTY' and 'DUTY_OFFICER' = any (u.roles))
                and not (d.target_group = 'TRANSPORT' and 'DISPATCHER' = any (u.roles))
                and not (d.target_group = 'LOGISTICS' and 'LOGISTICS_OFFICER' = any (u.roles))
                and not (d.target_group = 'COORDINATION' and 'COORDINATOR' = any (u.roles))`,
      },
    ],
    shift_handover: [
      {
        broken: 'a handover item without a kind, a label or a severity',
        sql: `select h.id from shift_handover h, jsonb_array_elements(h.items) e
              where coalesce(e->>'kind', '') = '' or coalesce(e->>'label', '') = '' or coalesce(e->>'severity', '') not in ('INFO', 'WARNING', 'CRITICAL')`,
      },
    ],
  },
};

/** 值班值守: every duty operation's fixture, the fuzzer's hints and each duty table's invariants. */
export const MODULE: ModuleTests = {
  module: 'duty',
  fixtures: { ...ROSTER_TESTS.fixtures, ...CALL_TESTS.fixtures, ...HANDOVER_TESTS.fixtures },
  fieldHints: { ...ROSTER_TESTS.fieldHints, ...CALL_TESTS.fieldHints, ...HANDOVER_TESTS.fieldHints },
  invariants: { ...ROSTER_TESTS.invariants, ...CALL_TESTS.invariants, ...HANDOVER_TESTS.invariants },
};
