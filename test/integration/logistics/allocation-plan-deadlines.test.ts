import { atHqTime } from '@cc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout } from '../alerts/alert-support';
import {
  ARRIVE,
  assignVehicle,
  DEPART,
  fileRequisition,
  ok,
  ONE,
  openDesk,
  stockAt,
  type Desk,
  type Requisition,
} from './requisition-helpers';

const DAY = '2026-12-08';
const NEXT_DAY = '2026-12-09';
const SUPPLY_DAY = `query($day: String) { supplyDay(day: $day) { day waitingNeeds missed deliveredAt summaryReadyAt
  deadlines { needsBy planApprovedBy deliveredBy summaryBy }
  plan { id status version proposedByName approvedByName lines { requisitionId requisitionNumber placeId quantity } } } }`;
const PROPOSE = `mutation($input: ProposeAllocationPlanInput!) { proposeAllocationPlan(input: $input) { id status version } }`;
const APPROVE = `mutation($input: ApproveAllocationPlanInput!) { approveAllocationPlan(input: $input) { id status version } }`;
const SUMMARY_READY = `mutation($input: MarkSupplySummaryReadyInput!) { markSupplySummaryReady(input: $input) { day summaryReadyAt missed } }`;
const SET_TIMES = `mutation($input: SupplyDayTimesInput!) { setSupplyDayTimes(input: $input) { needsBy planApprovedBy deliveredBy summaryBy } }`;

interface Plan {
  id: string;
  status: string;
  version: number;
  lines: { requisitionId: string; requisitionNumber: string; placeId: string; quantity: number }[];
}
interface SupplyDay {
  day: string;
  waitingNeeds: number;
  missed: string[];
  deadlines: { needsBy: string; deliveredBy: string; summaryBy: string };
  plan: Plan | null;
}

describe('the supply day’s deadlines in HQ time: 11:00 needs, plan approval, 17:00 delivery, 17:30 summary', () => {
  let t: TestApp;
  let desk: Desk;
  const clock = new ManualClock(atHqTime(DAY, '08:00'));
  const at = (time: string) => clock.set(atHqTime(DAY, time));
  const tick = () => t.app.modules.alerts.engine.tick();
  const day = async (d = DAY) => ok(await t.gql<{ supplyDay: SupplyDay }>(SUPPLY_DAY, { day: d }, desk.logistics)).supplyDay;
  const standing = async (ruleId: string) =>
    (await alertsAbout(t, desk.logistics, { sourceId: DAY, ruleId })).filter((a) => a.status !== 'RESOLVED').map((a) => a.level);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    desk = await openDesk(t);
  });
  afterAll(async () => {
    await desk?.db.end();
    await t?.close();
  });

  let onTime: Requisition;
  let itemId: string;

  it('takes a need received at 10:59 into today’s plan and one received at 11:01 into tomorrow’s', async () => {
    ({ itemId } = await stockAt(desk, [{ quantity: 100, km: 3 }]));
    at('10:59');
    onTime = await fileRequisition(desk, [{ itemId, quantity: 40 }], { urgency: 'MEDICAL_FRONTLINE' });
    expect(onTime.planDay).toBe(DAY);
    at('11:01');
    const late = await fileRequisition(desk, [{ itemId, quantity: 10 }]);
    expect(late.planDay).toBe(NEXT_DAY);
    const today = await day();
    expect(today.waitingNeeds).toBe(1);
    expect(today.deadlines).toMatchObject({
      needsBy: '2026-12-08T03:00:00.000Z',
      deliveredBy: '2026-12-08T09:00:00.000Z',
      summaryBy: '2026-12-08T09:30:00.000Z',
    });
  });

  it('proposes the plan from today’s needs only; an unapproved plan past its time is an alert until a leader approves it', async () => {
    const proposed = ok(
      await t.gql<{ proposeAllocationPlan: Plan }>(PROPOSE, { input: { day: DAY, keyUnitIds: [] } }, desk.logistics),
    ).proposeAllocationPlan;
    const plan = (await day()).plan!;
    expect(plan.lines.map((l) => [l.requisitionId, l.quantity])).toEqual([[onTime.id, 40]]);

    at('11:59');
    await tick();
    expect(await standing('allocation-plan-not-approved')).toEqual([]);
    at('12:01');
    await tick();
    expect(await standing('allocation-plan-not-approved')).toEqual(['WARNING']);
    expect((await day()).missed).toEqual(['PLAN_APPROVED']);

    // The officer who proposed it cannot approve it; a leader does.
    const own = await t.gql(APPROVE, { input: { planId: proposed.id } }, desk.logistics);
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    ok(await t.gql(APPROVE, { input: { planId: proposed.id, expectedVersion: proposed.version } }, desk.leader));
    await tick();
    expect(await standing('allocation-plan-not-approved')).toEqual([]);
    const decided = ok(await t.gql<{ requisition: Requisition }>(ONE, { id: onTime.id }, desk.liaison)).requisition;
    expect(decided.status).toBe('APPROVED');
    expect(decided.shipments).toHaveLength(1);
  });

  it('raises the delivery alert at 17:01, not at 16:59, and clears it when the last shipment arrives', async () => {
    at('16:59');
    await tick();
    expect(await standing('allocation-plan-not-delivered')).toEqual([]);
    at('17:01');
    await tick();
    expect(await standing('allocation-plan-not-delivered')).toEqual(['CRITICAL']);

    const { requisition } = ok(await t.gql<{ requisition: Requisition }>(ONE, { id: onTime.id }, desk.liaison));
    const orderId = requisition.shipments[0]!.orderId;
    await assignVehicle(desk, orderId);
    ok(await t.gql(DEPART, { input: { orderId } }, desk.dispatcher));
    ok(await t.gql(ARRIVE, { input: { orderId } }, desk.dispatcher));
    await tick();
    expect(await standing('allocation-plan-not-delivered')).toEqual([]);
  });

  it('raises the summary alert at 17:31, not at 17:29, and clears it when the summary is reported', async () => {
    at('17:29');
    await tick();
    expect(await standing('daily-supply-summary-late')).toEqual([]);
    at('17:31');
    await tick();
    expect(await standing('daily-supply-summary-late')).toEqual(['WARNING']);
    const ready = ok(
      await t.gql<{ markSupplySummaryReady: SupplyDay & { summaryReadyAt: string } }>(
        SUMMARY_READY,
        { input: { day: DAY } },
        desk.logistics,
      ),
    ).markSupplySummaryReady;
    expect(ready.missed).toEqual([]);
    await tick();
    expect(await standing('daily-supply-summary-late')).toEqual([]);
  });

  it('reads configured deadlines: a 10:00 cut-off sends a 10:30 need to tomorrow', async () => {
    clock.set(atHqTime(NEXT_DAY, '10:30'));
    desk = { ...desk, logistics: await t.login('logistics'), liaison: await t.login('liaison') };
    const times = ok(
      await t.gql<{ setSupplyDayTimes: Record<string, string> }>(
        SET_TIMES,
        { input: { needsBy: '10:00', planApprovedBy: '12:00', deliveredBy: '16:30', summaryBy: '17:00' } },
        desk.logistics,
      ),
    ).setSupplyDayTimes;
    expect(times).toMatchObject({ needsBy: '10:00', deliveredBy: '16:30' });
    const filed = await fileRequisition(desk, [{ itemId, quantity: 5 }]);
    expect(filed.planDay).toBe('2026-12-10');
    const bad = await t.gql(
      SET_TIMES,
      { input: { needsBy: '18:00', planApprovedBy: '12:00', deliveredBy: '16:30', summaryBy: '17:00' } },
      desk.logistics,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
