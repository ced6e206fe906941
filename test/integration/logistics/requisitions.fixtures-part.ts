import type { FixtureEnv, OperationFixture, TableInvariants } from '../../support/module-tests';
import { intakeTo, newDepot, newItem } from './logistics-setup';

/*
 * Requisitions, the supply day (plan, summary, deadlines) and call-ups: their fixtures and their
 * tables' invariants, spread into logistics.fixtures.ts (one module, two authors).
 */

const FILE = `mutation($input: FileRequisitionInput!) { fileRequisition(input: $input) { id lines { id } } }`;

/** A requisition of AGRICULTURE (the matrix's liaisons' unit), filed by a liaison of that unit. */
async function newRequisition(env: FixtureEnv): Promise<{ id: string; lineIds: string[] }> {
  const itemId = await newItem(env);
  const { fileRequisition } = await env.asLiaison<{ fileRequisition: { id: string; lines: { id: string }[] } }>(FILE, {
    input: {
      lines: [{ itemId, quantity: 5 }],
      purpose: '一线防护（测试）',
      urgency: 'ROUTINE',
      headName: '王局长',
      headSigned: true,
      deliverTo: '县农业农村局',
    },
  });
  return { id: fileRequisition.id, lineIds: fileRequisition.lines.map((l) => l.id) };
}

/** Days far from any test's "today", one per call, so each plan fixture starts from no plan. */
let dayCounter = Math.floor(Math.random() * 300);
function freshDay(): string {
  dayCounter += 1;
  const d = new Date(Date.UTC(2040, 0, 1) + dayCounter * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A draft plan proposed by the fixture administrator (so any leader actor may approve it). */
async function draftPlan(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { proposeAllocationPlan } = await env.setup<{ proposeAllocationPlan: { id: string; version: number } }>(
    `mutation($input: ProposeAllocationPlanInput!) { proposeAllocationPlan(input: $input) { id version } }`,
    { input: { day: freshDay(), keyUnitIds: [] } },
  );
  return proposeAllocationPlan;
}

async function openCallUp(env: FixtureEnv, stage?: 'SUPPORT_REQUESTED'): Promise<string> {
  const { openCallUp } = await env.setup<{ openCallUp: { id: string } }>(
    `mutation($input: OpenCallUpInput!) { openCallUp(input: $input) { id } }`,
    { input: { title: env.unique('城关镇突发疫情物资调用'), note: '动用县应急物资仓库库存' } },
  );
  if (stage) {
    await env.setup(`mutation($input: AdvanceCallUpInput!) { advanceCallUp(input: $input) { id } }`, {
      input: { callUpId: openCallUp.id, stage, note: '库存不足，向市工信局请求支援' },
    });
  }
  return openCallUp.id;
}

/** An open request to the level above for 10 of a fresh item; its id and the item. */
async function supportRequest(env: FixtureEnv): Promise<{ requestId: string; itemId: string }> {
  const callUpId = await openCallUp(env, 'SUPPORT_REQUESTED');
  const itemId = await newItem(env);
  const { requestSupplySupport } = await env.setup<{ requestSupplySupport: { supportRequests: { id: string }[] } }>(
    `mutation($input: RequestSupplySupportInput!) { requestSupplySupport(input: $input) { supportRequests { id } } }`,
    { input: { callUpId, itemId, quantity: 10, askedOf: '市工信局' } },
  );
  return { requestId: requestSupplySupport.supportRequests[0]!.id, itemId };
}

export const REQUISITION_FIXTURES: Readonly<Record<string, OperationFixture>> = {
  requisitions: () => ({ status: ['SUBMITTED'], first: 20 }),
  requisition: async (env) => ({ id: (await newRequisition(env)).id }),
  requisitionChanged: () => ({}),
  fileRequisition: async (env) => ({
    input: {
      lines: [{ itemId: await newItem(env), quantity: 3 }],
      purpose: '一线防护（测试）',
      urgency: 'FRONTLINE',
      headName: '王局长',
      headSigned: true,
      deliverTo: '县农业农村局',
    },
  }),
  withdrawRequisition: async (env) => ({ input: { requisitionId: (await newRequisition(env)).id } }),
  // Rejecting needs no stock: every line 0, with the reason.
  decideRequisition: async (env) => {
    const { id, lineIds } = await newRequisition(env);
    return { input: { requisitionId: id, lines: lineIds.map((lineId) => ({ lineId, quantity: 0 })), reason: '非防控用途（测试）' } };
  },
  supplyDay: () => ({ day: '2040-01-01' }),
  supplyDayChanged: () => ({}),
  supplySummary: () => ({ day: '2040-01-01' }),
  setSupplyDayTimes: () => ({ input: { needsBy: '11:00', planApprovedBy: '12:00', deliveredBy: '17:00', summaryBy: '17:30' } }),
  proposeAllocationPlan: () => ({ input: { day: freshDay(), keyUnitIds: [] } }),
  editAllocationPlan: async (env) => ({ input: { planId: (await draftPlan(env)).id, lines: [] } }),
  approveAllocationPlan: async (env) => {
    const plan = await draftPlan(env);
    return { input: { planId: plan.id, expectedVersion: plan.version } };
  },
  // Reporting a day already reported answers the first report: the same day serves every call.
  markSupplySummaryReady: () => ({ input: { day: '2020-01-01' } }),
  callUps: () => ({ first: 10 }),
  callUp: async (env) => ({ id: await openCallUp(env) }),
  callUpChanged: () => ({}),
  openCallUp: (env) => ({ input: { title: env.unique('突发疫情物资调用'), note: '动用本级库存' } }),
  advanceCallUp: async (env) => ({ input: { callUpId: await openCallUp(env), stage: 'SUPPORT_REQUESTED', note: '本级库存不足' } }),
  requestSupplySupport: async (env) => ({
    input: { callUpId: await openCallUp(env, 'SUPPORT_REQUESTED'), itemId: await newItem(env), quantity: 100, askedOf: '市工信局' },
  }),
  recordSupportIntake: async (env) => {
    const { requestId, itemId } = await supportRequest(env);
    const intakeId = await intakeTo(
      env,
      { itemId, placeId: await newDepot(env), quantity: 10, source: 'ALLOCATION_FROM_ABOVE' },
      'STOCKED',
    );
    return { input: { requestId, intakeId } };
  },
  withdrawSupportRequest: async (env) => ({ input: { requestId: (await supportRequest(env)).requestId } }),
};

export const REQUISITION_FIELD_HINTS: Readonly<Record<string, readonly unknown[]>> = {
  urgency: ['MEDICAL_FRONTLINE', 'FRONTLINE', 'ROUTINE'],
  headName: ['王局长', ''],
  deliverTo: ['县农业农村局', ''],
  purpose: ['一线防护', ''],
  needsBy: ['11:00', '25:00'],
  planApprovedBy: ['12:00'],
  deliveredBy: ['17:00'],
  summaryBy: ['17:30'],
  askedOf: ['市工信局', ''],
  stage: ['SUPPORT_REQUESTED', 'EMERGENCY_SUPPORT', 'ENDED'],
};

const none = (why: string): TableInvariants => ({ none: why });

export const REQUISITION_INVARIANTS: Readonly<Record<string, TableInvariants>> = {
  requisition: [
    {
      broken: 'a decided requisition with an undecided line, or an undecided one with a decided line',
      sql: `select r.id from requisition r join requisition_line l on l.requisition_id = r.id
             where (r.status in ('SUBMITTED', 'WITHDRAWN')) <> (l.approved is null)`,
    },
    {
      broken: 'a requisition whose status does not match its lines (all approved in full = APPROVED, none = REJECTED)',
      sql: `select r.id from requisition r join requisition_line l on l.requisition_id = r.id
             where r.status in ('APPROVED', 'REJECTED', 'PARTIALLY_APPROVED') group by r.id, r.status
            having (r.status = 'APPROVED' and bool_or(l.approved < l.requested))
                or (r.status = 'REJECTED' and sum(l.approved) > 0)
                or (r.status = 'PARTIALLY_APPROVED' and (bool_and(l.approved = l.requested) or sum(l.approved) = 0))`,
    },
    {
      broken: 'a rejected or withdrawn requisition with a shipment',
      sql: `select r.id from requisition r join shipment s on s.requisition_id = r.id where r.status in ('REJECTED', 'WITHDRAWN', 'SUBMITTED')`,
    },
  ],
  requisition_line: none('Its checks (requested > 0, 0 <= approved <= requested, one line per item) are constraints.'),
  requisition_counter: none('A counter row per day; numbers are checked unique on requisition.'),
  shipment: [
    {
      broken: 'a shipment whose status does not follow its dispatch order',
      sql: `select s.id from shipment s join dispatch_order o on o.id = s.order_id
             where (s.status = 'PLANNED' and o.status not in ('OPEN', 'ASSIGNED', 'REQUESTED'))
                or (s.status = 'IN_TRANSIT' and o.status <> 'DEPARTED')
                or (s.status = 'DELIVERED' and o.status not in ('ARRIVED', 'COMPLETED'))
                or (s.status = 'CANCELLED' and o.status <> 'CANCELLED')`,
    },
    {
      broken: 'more shipped for a requisition line than was approved',
      sql: `select l.id from requisition_line l join shipment_line sl on sl.requisition_line_id = l.id join shipment s on s.id = sl.shipment_id
             where s.status <> 'CANCELLED' group by l.id, l.approved having sum(sl.quantity) > coalesce(l.approved, 0)`,
    },
  ],
  shipment_line: [
    {
      broken: 'a departed shipment line without its ledger issue, or a planned one with one',
      sql: `select sl.id from shipment_line sl join shipment s on s.id = sl.shipment_id
             where (s.status in ('IN_TRANSIT', 'DELIVERED') and sl.issue_entry_id is null) or (s.status = 'PLANNED' and sl.issue_entry_id is not null)`,
    },
    {
      broken: 'a shipment line whose issue does not match it (item, quantity, source place)',
      sql: `select sl.id from shipment_line sl join shipment s on s.id = sl.shipment_id join supply_entry e on e.id = sl.issue_entry_id
             where e.kind <> 'ISSUE' or e.item_id <> sl.item_id or e.quantity <> sl.quantity or e.from_place_id <> s.from_place_id`,
    },
  ],
  supply_distance: none('Checked by its constraints (km between 0 and 10000, one row per place and unit).'),
  supply_day_setting: none('One row (id = 1); the times are checked HH:mm and in the day’s order by constraints.'),
  allocation_plan: [
    {
      broken: 'a plan approved by the person who proposed it',
      sql: `select id from allocation_plan where approved_by_id is not null and approved_by_id = proposed_by_id`,
    },
  ],
  allocation_plan_line: [
    {
      broken: 'a plan that gives a requisition line more than it asked for',
      sql: `select l.requisition_line_id from allocation_plan_line l join requisition_line r on r.id = l.requisition_line_id
             group by l.plan_id, l.requisition_line_id, r.requested having sum(l.quantity) > r.requested`,
    },
  ],
  supply_day_summary: none('One row per day, written once (primary key); who and when are not null.'),
  call_up: [
    {
      broken: 'a call-up whose stage is not the stage of its last recorded step',
      sql: `select c.id from call_up c where c.stage <> (select s.stage from call_up_step s where s.call_up_id = c.id order by s.at desc, s.stage desc limit 1)`,
    },
    {
      broken: 'an ended call-up with a request to the level above still open',
      sql: `select c.id from call_up c join support_request r on r.call_up_id = c.id where c.stage = 'ENDED' and r.status = 'OPEN'`,
    },
  ],
  call_up_step: none('Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); the note is required by a constraint.'),
  support_request: [
    {
      broken: 'a request whose received quantity is not the sum of the intakes counted towards it',
      sql: `select r.id from support_request r left join support_request_intake i on i.request_id = r.id
             group by r.id, r.received having r.received <> coalesce(sum(i.quantity), 0)`,
    },
    {
      broken: 'a request closed by intake before it was covered',
      sql: `select id from support_request where status = 'CLOSED_BY_INTAKE' and received < quantity`,
    },
  ],
  support_request_intake: none('An intake counts once (primary key); its quantity is checked above zero.'),
};
