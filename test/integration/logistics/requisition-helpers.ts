import pg from 'pg';
import { expect } from 'vitest';
import type { GraphQLResponse, TestApp } from '../../support/test-app';

/** What the requisition tests read back; field names as in shared/schema.graphql. */
export const REQUISITION_FIELDS = `id number unitId status version planDay decisionReason deliveredAt
  lines { id itemId requested approved }
  shipments { id orderId orderNumber fromPlaceId fromPlaceName status departedAt arrivedAt lines { itemId quantity } }`;
export const FILE = `mutation($input: FileRequisitionInput!) { fileRequisition(input: $input) { ${REQUISITION_FIELDS} } }`;
export const DECIDE = `mutation($input: DecideRequisitionInput!) { decideRequisition(input: $input) { ${REQUISITION_FIELDS} } }`;
export const WITHDRAW = `mutation($input: WithdrawRequisitionInput!) { withdrawRequisition(input: $input) { ${REQUISITION_FIELDS} } }`;
export const ONE = `query($id: ID!) { requisition(id: $id) { ${REQUISITION_FIELDS} } }`;
export const LIST = `query($status: [RequisitionStatus!]) { requisitions(status: $status) { id number unitId status } }`;
export const ASSIGN = `mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { id status version } }`;
export const DEPART = `mutation($input: DispatchOrderStepInput!) { markOrderDeparted(input: $input) { id status version } }`;
export const ARRIVE = `mutation($input: DispatchOrderStepInput!) { markOrderArrived(input: $input) { id status version } }`;
export const CANCEL = `mutation($input: CancelDispatchOrderInput!) { cancelDispatchOrder(input: $input) { id status version } }`;

export interface Requisition {
  id: string;
  number: string;
  unitId: string;
  status: string;
  version: number;
  planDay: string;
  decisionReason: string;
  deliveredAt: string | null;
  lines: { id: string; itemId: string; requested: number; approved: number | null }[];
  shipments: {
    id: string;
    orderId: string;
    orderNumber: string;
    fromPlaceId: string;
    fromPlaceName: string;
    status: string;
    departedAt: string | null;
    arrivedAt: string | null;
    lines: { itemId: string; quantity: number }[];
  }[];
}

export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** The people and the database a requisition test needs. */
export interface Desk {
  t: TestApp;
  db: pg.Client;
  liaison: string;
  logistics: string;
  dispatcher: string;
  leader: string;
  admin: string;
  /** The demo liaison's unit (AGRICULTURE). */
  unitId: string;
}

export async function openDesk(t: TestApp): Promise<Desk> {
  const [liaison, logistics, dispatcher, leader, admin] = await Promise.all(
    ['liaison', 'logistics', 'dispatcher', 'leader', 'admin'].map((u) => t.login(u)),
  );
  const db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  const me = ok(await t.gql<{ me: { unitId: string } }>('{ me { unitId } }', {}, liaison!));
  return { t, db, liaison: liaison!, logistics: logistics!, dispatcher: dispatcher!, leader: leader!, admin: admin!, unitId: me.me.unitId };
}

/**
 * A fresh item stocked at fresh depots (the logistics officer keeps them), each `km` from the
 * liaison's unit (supply_distance); returns the item and the depots in the order given.
 */
export async function stockAt(
  desk: Desk,
  depots: readonly { quantity: number; km: number | null }[],
): Promise<{ itemId: string; depotIds: string[] }> {
  const { t, logistics, admin } = desk;
  const keeperId = ok(await t.gql<{ me: { userId: string } }>('{ me { userId } }', {}, logistics)).me.userId;
  const itemId = ok(
    await t.gql<{ createSupplyItem: { id: string } }>(
      'mutation($input: CreateSupplyItemInput!) { createSupplyItem(input: $input) { id } }',
      { input: { name: unique('医用防护服'), unitOfMeasure: '套', category: 'PROTECTIVE_SUITS' } },
      admin,
    ),
  ).createSupplyItem.id;
  const depotIds: string[] = [];
  for (const depot of depots) {
    const depotId = ok(
      await t.gql<{ createSupplyPlace: { id: string } }>(
        'mutation($input: CreateSupplyPlaceInput!) { createSupplyPlace(input: $input) { id } }',
        { input: { code: unique('DEPOT').toUpperCase(), name: unique('应急物资仓库'), kind: 'DEPOT', keeperId } },
        admin,
      ),
    ).createSupplyPlace.id;
    depotIds.push(depotId);
    if (depot.km !== null)
      await desk.db.query('insert into supply_distance (place_id, unit_id, km) values ($1, $2, $3)', [depotId, desk.unitId, depot.km]);
    if (depot.quantity > 0) await intake(desk, itemId, depotId, depot.quantity);
  }
  return { itemId, depotIds };
}

/** An intake through its four steps (验收、核实、登记、入库) by the keeper; its id. */
export async function intake(desk: Desk, itemId: string, placeId: string, quantity: number, source = 'CENTRAL_PURCHASE'): Promise<string> {
  const { t, logistics } = desk;
  const id = ok(
    await t.gql<{ acceptSupplyIntake: { id: string } }>(
      'mutation($input: AcceptSupplyIntakeInput!) { acceptSupplyIntake(input: $input) { id } }',
      { input: { itemId, placeId, quantity, source, supplier: '市工信局' } },
      logistics,
    ),
  ).acceptSupplyIntake.id;
  for (const step of ['VERIFIED', 'REGISTERED', 'STOCKED']) {
    ok(
      await t.gql(
        'mutation($input: AdvanceSupplyIntakeInput!) { advanceSupplyIntake(input: $input) { id } }',
        { input: { intakeId: id, step, qualityNote: '外观完好' } },
        logistics,
      ),
    );
  }
  return id;
}

export async function balance(desk: Desk, itemId: string, placeId: string): Promise<number> {
  const { rows } = await desk.db.query<{ q: string | null }>(
    'select sum(quantity) as q from supply_balance where item_id = $1 and place_id = $2',
    [itemId, placeId],
  );
  return Number(rows[0]?.q ?? 0);
}

export async function fileRequisition(
  desk: Desk,
  lines: { itemId: string; quantity: number }[],
  extra: Record<string, unknown> = {},
): Promise<Requisition> {
  return ok(
    await desk.t.gql<{ fileRequisition: Requisition }>(
      FILE,
      {
        input: {
          lines,
          purpose: '春耕防疫一线人员防护',
          urgency: 'FRONTLINE',
          headName: '王局长',
          headSigned: true,
          deliverTo: '县农业农村局（城关镇）',
          ...extra,
        },
      },
      desk.liaison,
    ),
  ).fileRequisition;
}

export async function decide(
  desk: Desk,
  requisition: Requisition,
  quantities: number[],
  reason = '',
): Promise<GraphQLResponse<{ decideRequisition: Requisition }>> {
  return desk.t.gql<{ decideRequisition: Requisition }>(
    DECIDE,
    {
      input: { requisitionId: requisition.id, lines: requisition.lines.map((l, i) => ({ lineId: l.id, quantity: quantities[i] })), reason },
    },
    desk.logistics,
  );
}

/** Puts a standby vehicle on the order (dispatcher); the order's version after it. */
export async function assignVehicle(desk: Desk, orderId: string): Promise<number> {
  const { t, dispatcher } = desk;
  const { suggestVehicles } = ok(
    await t.gql<{ suggestVehicles: { suggestions: { vehicle: { id: string } }[] } }>(
      'query($orderId: ID!) { suggestVehicles(orderId: $orderId) { suggestions { vehicle { id } } } }',
      { orderId },
      dispatcher,
    ),
  );
  const vehicleId = suggestVehicles.suggestions[0]!.vehicle.id;
  return ok(await t.gql<{ assignVehicles: { version: number } }>(ASSIGN, { input: { orderId, vehicleIds: [vehicleId] } }, dispatcher))
    .assignVehicles.version;
}
