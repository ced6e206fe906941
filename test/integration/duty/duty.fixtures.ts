import { canAcknowledgeHqDelivery, WORKING_GROUPS, type HqInstructionTarget } from '@cc/shared';
import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

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
export const MODULE: ModuleTests = {
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
