import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { balance, decide, fileRequisition, ok, openDesk, stockAt, type Desk } from './requisition-helpers';

describe('approved lines are taken from the nearest depots with free stock, each source on its own dispatch order', () => {
  let t: TestApp;
  let desk: Desk;
  beforeAll(async () => {
    t = await startTestApp();
    desk = await openDesk(t);
  });
  afterAll(async () => {
    await desk?.db.end();
    await t?.close();
  });

  it('takes from the nearest depot first, then the next nearest; the farthest is not touched', async () => {
    // far 30 km with 500, near 2 km with 100, middle 9 km with 100
    const { itemId, depotIds } = await stockAt(desk, [
      { quantity: 500, km: 30 },
      { quantity: 100, km: 2 },
      { quantity: 100, km: 9 },
    ]);
    const [far, near, middle] = depotIds as [string, string, string];
    const filed = await fileRequisition(desk, [{ itemId, quantity: 150 }], { urgency: 'MEDICAL_FRONTLINE' });
    const approved = ok(await decide(desk, filed, [150])).decideRequisition;
    expect(approved.status).toBe('APPROVED');
    expect(approved.shipments.map((s) => [s.fromPlaceId, s.lines[0]!.quantity, s.status])).toEqual([
      [near, 100, 'PLANNED'],
      [middle, 50, 'PLANNED'],
    ]);
    const { rows } = await desk.db.query<{ id: string; requisition_id: string; cargo_amount: string; urgent: boolean; status: string }>(
      'select id, requisition_id, cargo_amount, urgent, status from dispatch_order where requisition_id = $1 order by number',
      [filed.id],
    );
    expect(rows.map((r) => [r.id, Number(r.cargo_amount), r.urgent, r.status])).toEqual([
      [approved.shipments[0]!.orderId, 100, true, 'OPEN'],
      [approved.shipments[1]!.orderId, 50, true, 'OPEN'],
    ]);
    // Approval claims stock; the ledger moves only when the orders depart.
    expect(await balance(desk, itemId, near)).toBe(100);
    expect(await balance(desk, itemId, far)).toBe(500);
  });

  it('counts stock claimed by shipments not yet departed as taken', async () => {
    const { itemId, depotIds } = await stockAt(desk, [
      { quantity: 100, km: 1 },
      { quantity: 100, km: 5 },
    ]);
    const first = await fileRequisition(desk, [{ itemId, quantity: 80 }]);
    ok(await decide(desk, first, [80]));
    const second = await fileRequisition(desk, [{ itemId, quantity: 50 }]);
    const approved = ok(await decide(desk, second, [50])).decideRequisition;
    expect(approved.shipments.map((s) => [s.fromPlaceId, s.lines[0]!.quantity])).toEqual([
      [depotIds[0], 20],
      [depotIds[1], 30],
    ]);
  });

  it('refuses an approval beyond free stock with CONFLICT naming what is free, and writes nothing', async () => {
    const { itemId } = await stockAt(desk, [{ quantity: 40, km: 1 }]);
    const filed = await fileRequisition(desk, [{ itemId, quantity: 100 }]);
    const refused = await decide(desk, filed, [100]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'requisition/short_stock', available: 40 });
    const { rows } = await desk.db.query<{ status: string; orders: number }>(
      `select r.status, (select count(*)::int from dispatch_order o where o.requisition_id = r.id) as orders from requisition r where r.id = $1`,
      [filed.id],
    );
    expect(rows[0]).toEqual({ status: 'SUBMITTED', orders: 0 });
    // In part, within stock: accepted.
    expect(ok(await decide(desk, filed, [40], '库存仅 40 套')).decideRequisition.status).toBe('PARTIALLY_APPROVED');
  });
});
