import { atHqTime, hqDay } from '@cc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { assignVehicle, decide, DEPART, fileRequisition, intake, ok, openDesk, stockAt, type Desk } from './requisition-helpers';

const SUMMARY = `query($day: String) { supplySummary(day: $day) { day readyAt
  intakeBySource { source itemName quantity } issues { itemName recipient quantity }
  allocations { requisitionNumber unitName orderNumber fromPlaceName itemName quantity status }
  balances { itemName placeName quantity } } }`;

interface Summary {
  day: string;
  readyAt: string | null;
  intakeBySource: { source: string; itemName: string; quantity: number }[];
  issues: { itemName: string; recipient: string; quantity: number }[];
  allocations: {
    requisitionNumber: string;
    orderNumber: string;
    fromPlaceName: string;
    itemName: string;
    quantity: number;
    status: string;
  }[];
  balances: { itemName: string; placeName: string; quantity: number }[];
}

describe('the daily supply summary: intake by source, issues, allocations, balances; read by the oversight role', () => {
  let t: TestApp;
  let desk: Desk;
  const clock = new ManualClock(atHqTime('2026-12-08', '09:00'));
  beforeAll(async () => {
    t = await startTestApp({ clock });
    desk = await openDesk(t);
  });
  afterAll(async () => {
    await desk?.db.end();
    await t?.close();
  });

  it('adds up the day’s intake by source, its issues and its allocations, and shows the balances', async () => {
    const { itemId, depotIds } = await stockAt(desk, [{ quantity: 100, km: 2 }]);
    await intake(desk, itemId, depotIds[0]!, 50, 'ALLOCATION_FROM_ABOVE');
    await intake(desk, itemId, depotIds[0]!, 20, 'DONATION');
    const filed = await fileRequisition(desk, [{ itemId, quantity: 30 }]);
    const approved = ok(await decide(desk, filed, [30])).decideRequisition;
    const orderId = approved.shipments[0]!.orderId;
    await assignVehicle(desk, orderId);
    ok(await t.gql(DEPART, { input: { orderId } }, desk.dispatcher));

    const inspector = await t.login('inspector');
    const summary = ok(await t.gql<{ supplySummary: Summary }>(SUMMARY, { day: hqDay(clock.now()) }, inspector)).supplySummary;
    const mine = <R extends { itemName: string }>(rows: R[]) => rows.filter((r) => r.itemName.startsWith('医用防护服'));
    expect(mine(summary.intakeBySource).map((r) => [r.source, r.quantity])).toEqual([
      ['ALLOCATION_FROM_ABOVE', 50],
      ['CENTRAL_PURCHASE', 100],
      ['DONATION', 20],
    ]);
    expect(mine(summary.issues).map((r) => [r.recipient, r.quantity])).toEqual([['县农业农村局', 30]]);
    expect(mine(summary.allocations)).toEqual([
      expect.objectContaining({
        requisitionNumber: filed.number,
        orderNumber: approved.shipments[0]!.orderNumber,
        quantity: 30,
        status: 'IN_TRANSIT',
      }),
    ]);
    expect(mine(summary.balances).map((r) => r.quantity)).toEqual([140]);

    // Read-only: the oversight role reads the summary and nothing else of the supply work.
    for (const query of ['{ requisitions { id } }', '{ supplyDay { day } }', '{ stockBalances { key } }']) {
      expect((await t.gql(query, {}, inspector)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
