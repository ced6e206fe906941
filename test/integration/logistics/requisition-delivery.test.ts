import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  ARRIVE,
  assignVehicle,
  balance,
  CANCEL,
  decide,
  DEPART,
  fileRequisition,
  ok,
  ONE,
  openDesk,
  stockAt,
  type Desk,
  type Requisition,
} from './requisition-helpers';

describe('a delivery’s stock moves commit with its dispatch order’s steps', () => {
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

  const read = async (id: string) => ok(await t.gql<{ requisition: Requisition }>(ONE, { id }, desk.liaison)).requisition;
  const entries = async (orderNumber: string) =>
    (
      await desk.db.query<{ kind: string; quantity: number; recipient_unit_id: string }>(
        `select kind, quantity, recipient_unit_id from supply_entry where note like $1 order by seq`,
        [`%${orderNumber}%`],
      )
    ).rows;

  async function approved(quantity: number): Promise<{ requisition: Requisition; itemId: string; depotId: string }> {
    const { itemId, depotIds } = await stockAt(desk, [{ quantity: 100, km: 4 }]);
    const filed = await fileRequisition(desk, [{ itemId, quantity }]);
    return { requisition: ok(await decide(desk, filed, [quantity])).decideRequisition, itemId, depotId: depotIds[0]! };
  }

  it('issues the goods from the depot when the order departs, and delivers the requisition when it arrives', async () => {
    const { requisition, itemId, depotId } = await approved(30);
    const shipment = requisition.shipments[0]!;
    const version = await assignVehicle(desk, shipment.orderId);
    expect(await balance(desk, itemId, depotId)).toBe(100);

    ok(await t.gql(DEPART, { input: { orderId: shipment.orderId, expectedVersion: version } }, desk.dispatcher));
    expect(await balance(desk, itemId, depotId)).toBe(70);
    expect(await entries(shipment.orderNumber)).toEqual([{ kind: 'ISSUE', quantity: 30, recipient_unit_id: desk.unitId }]);
    const onTheRoad = await read(requisition.id);
    expect(onTheRoad.status).toBe('IN_TRANSIT');
    expect(onTheRoad.shipments[0]).toMatchObject({ status: 'IN_TRANSIT' });

    ok(await t.gql(ARRIVE, { input: { orderId: shipment.orderId } }, desk.dispatcher));
    const delivered = await read(requisition.id);
    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.deliveredAt).not.toBeNull();
    expect(delivered.shipments[0]).toMatchObject({ status: 'DELIVERED' });
    expect(await balance(desk, itemId, depotId)).toBe(70);
  });

  it('leaves no stock move when the order step fails, and the order does not depart', async () => {
    const { requisition, itemId, depotId } = await approved(20);
    const shipment = requisition.shipments[0]!;
    await assignVehicle(desk, shipment.orderId);
    // A real failure inside the step's transaction, after the ledger entry was written (the
    // order row is saved at the end of the unit of work).
    await desk.db.query(`create function refuse_departure() returns trigger language plpgsql as $$
      begin if new.status = 'DEPARTED' then raise exception 'departure refused for the test'; end if; return new; end $$`);
    await desk.db.query('create trigger refuse_departure before update on dispatch_order for each row execute function refuse_departure()');
    try {
      const failed = await t.gql(DEPART, { input: { orderId: shipment.orderId } }, desk.dispatcher);
      expect(failed.errors).toBeDefined();
    } finally {
      await desk.db.query('drop trigger refuse_departure on dispatch_order');
      await desk.db.query('drop function refuse_departure()');
    }
    expect(await balance(desk, itemId, depotId)).toBe(100);
    expect(await entries(shipment.orderNumber)).toEqual([]);
    const unchanged = await read(requisition.id);
    expect(unchanged.status).toBe('APPROVED');
    expect(unchanged.shipments[0]).toMatchObject({ status: 'PLANNED', departedAt: null });
    const { rows } = await desk.db.query('select status from dispatch_order where id = $1', [shipment.orderId]);
    expect(rows[0].status).toBe('ASSIGNED');

    // The same step without the failure moves the stock.
    ok(await t.gql(DEPART, { input: { orderId: shipment.orderId } }, desk.dispatcher));
    expect(await balance(desk, itemId, depotId)).toBe(80);
  });

  it('refuses the departure when the depot no longer holds the goods, so the order stays and nothing moves', async () => {
    const { requisition, itemId, depotId } = await approved(60);
    const shipment = requisition.shipments[0]!;
    await assignVehicle(desk, shipment.orderId);
    // Someone issued most of the depot's stock by hand meanwhile.
    ok(
      await t.gql(
        'mutation($input: IssueSuppliesInput!) { issueSupplies(input: $input) { id } }',
        { input: { itemId, placeId: depotId, quantity: 90, recipientText: '城关镇卫生院' } },
        desk.logistics,
      ),
    );
    const refused = await t.gql(DEPART, { input: { orderId: shipment.orderId } }, desk.dispatcher);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await balance(desk, itemId, depotId)).toBe(10);
    const { rows } = await desk.db.query('select status from dispatch_order where id = $1', [shipment.orderId]);
    expect(rows[0].status).toBe('ASSIGNED');
  });

  it('returns the goods to the depot when an order on the road is cancelled', async () => {
    const { requisition, itemId, depotId } = await approved(25);
    const shipment = requisition.shipments[0]!;
    await assignVehicle(desk, shipment.orderId);
    ok(await t.gql(DEPART, { input: { orderId: shipment.orderId } }, desk.dispatcher));
    expect(await balance(desk, itemId, depotId)).toBe(75);
    ok(await t.gql(CANCEL, { input: { orderId: shipment.orderId, reason: '道路封闭' } }, desk.dispatcher));
    expect(await balance(desk, itemId, depotId)).toBe(100);
    expect((await entries(shipment.orderNumber)).map((e) => e.kind)).toEqual(['ISSUE']);
    const { rows } = await desk.db.query(
      `select count(*)::int as n from supply_entry r join shipment_line l on l.return_entry_id = r.id join shipment s on s.id = l.shipment_id
        where s.order_id = $1 and r.kind = 'REVERSAL'`,
      [shipment.orderId],
    );
    expect(rows[0].n).toBe(1);
    expect((await read(requisition.id)).shipments[0]).toMatchObject({ status: 'CANCELLED' });
  });
});
