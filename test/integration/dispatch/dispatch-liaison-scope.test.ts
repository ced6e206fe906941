import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { ORDER_FIELDS, createOrder, createPerson, type Order } from './dispatch-helpers';

const REQUEST = `mutation($input: TransportRequestInput!) { requestTransport(input: $input) { ${ORDER_FIELDS} } }`;
const MINE = `{ myTransportRequests { id number status requestingUnitId } }`;
const ONE = `query($id: ID!) { myTransportRequest(id: $id) { id number } }`;
const CANCEL = `mutation($input: CancelDispatchOrderInput!) { cancelTransportRequest(input: $input) { id status } }`;
const ORDER_CHANGED = `subscription($after: EventPosition) { dispatchOrderChanged(after: $after) { position order { id number requestingUnitId } } }`;

const fertiliser = {
  cargoKind: 'PRODUCTION_MATERIALS',
  cargoDescription: '化肥',
  cargoAmount: 6,
  cargoUnit: 'TONNES',
  origin: '县农资公司仓库',
  destination: '城南乡农资站',
};

describe('a unit liaison’s transport requests: their own unit only', () => {
  let t: TestApp;
  let agriculture: string;
  let health: string;
  let dispatcher: string;
  let agricultureUnitId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    [agriculture, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
    const units = await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, admin);
    const healthUnit = units.data!.memberUnits.find((u) => u.code === 'HEALTH')!;
    agricultureUnitId = units.data!.memberUnits.find((u) => u.code === 'AGRICULTURE')!.id;
    health = await createPerson(t, admin, {
      username: 'health-liaison',
      displayName: '卫健联络员',
      roles: ['UNIT_LIAISON'],
      unitId: healthUnit.id,
    });
  });
  afterAll(() => t?.close());

  it('files a request for the liaison’s own unit, which HQ sees in its queue as REQUESTED', async () => {
    const response = await t.gql<{ requestTransport: Order }>(REQUEST, { input: fertiliser }, agriculture);
    expect(response.errors).toBeUndefined();
    const request = response.data!.requestTransport;
    expect(request).toMatchObject({ status: 'REQUESTED', requestingUnitId: agricultureUnitId, greenChannel: false, priority: 4 });
    const queue = await t.gql<{ dispatchOrders: { id: string }[] }>('{ dispatchOrders(status: [REQUESTED]) { id } }', {}, dispatcher);
    expect(queue.data!.dispatchOrders.map((o) => o.id)).toContain(request.id);
  });

  it('lists only the own unit’s requests, never HQ’s own orders or another unit’s', async () => {
    const hqOrder = await createOrder(t, dispatcher);
    const healthRequest = (
      await t.gql<{ requestTransport: Order }>(
        REQUEST,
        { input: { ...fertiliser, cargoKind: 'MEDICAL_TRANSFER', cargoAmount: 1, cargoUnit: 'PERSONS' } },
        health,
      )
    ).data!.requestTransport;
    const mine = await t.gql<{ myTransportRequests: { id: string; requestingUnitId: string }[] }>(MINE, {}, agriculture);
    expect(mine.data!.myTransportRequests.length).toBeGreaterThanOrEqual(1);
    expect(mine.data!.myTransportRequests.every((o) => o.requestingUnitId === agricultureUnitId)).toBe(true);
    expect(mine.data!.myTransportRequests.map((o) => o.id)).not.toContain(hqOrder.id);
    expect(mine.data!.myTransportRequests.map((o) => o.id)).not.toContain(healthRequest.id);
  });

  it('answers another unit’s request exactly like a missing one (NOT_FOUND), reading or cancelling', async () => {
    const theirs = (await t.gql<{ requestTransport: Order }>(REQUEST, { input: fertiliser }, agriculture)).data!.requestTransport;
    const read = await t.gql(ONE, { id: theirs.id }, health);
    const missing = await t.gql(ONE, { id: '00000000-0000-4000-8000-000000000000' }, health);
    expect(read.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(read.errors?.[0]?.message).toBe(`Dispatch order ${theirs.id} does not exist or is not visible to you.`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cancel = await t.gql(CANCEL, { input: { orderId: theirs.id, reason: '不需要了' } }, health);
    expect(cancel.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await t.gql<{ myTransportRequest: { id: string } }>(ONE, { id: theirs.id }, agriculture);
    expect(own.data!.myTransportRequest.id).toBe(theirs.id);
    const cancelled = await t.gql<{ cancelTransportRequest: { status: string } }>(
      CANCEL,
      { input: { orderId: theirs.id, reason: '已自行解决' } },
      agriculture,
    );
    expect(cancelled.data!.cancelTransportRequest.status).toBe('CANCELLED');
  });

  it('lets a liaison withdraw a request only while no vehicle is on it', async () => {
    const request = (await t.gql<{ requestTransport: Order }>(REQUEST, { input: fertiliser }, agriculture)).data!.requestTransport;
    const board = await t.gql<{ standbyBoard: { companies: { vehicles: { id: string; status: string; vehicleType: string }[] }[] } }>(
      '{ standbyBoard { companies { vehicles { id status vehicleType } } } }',
      {},
      dispatcher,
    );
    const truck = board
      .data!.standbyBoard.companies.flatMap((c) => c.vehicles)
      .find((v) => v.status === 'STANDBY' && v.vehicleType === 'TRUCK')!;
    const assigned = await t.gql(
      'mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { status } }',
      { input: { orderId: request.id, vehicleIds: [truck.id] } },
      dispatcher,
    );
    expect(assigned.errors).toBeUndefined();
    const late = await t.gql(CANCEL, { input: { orderId: request.id, reason: '不需要了' } }, agriculture);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'dispatchOrder/already_accepted' });
  });

  it('keeps HQ’s board and order queue closed to a liaison', async () => {
    for (const query of ['{ standbyBoard { readiness { readyCount } } }', '{ dispatchOrders { id } }', '{ dispatchFigures { day } }']) {
      const response = await t.gql(query, {}, agriculture);
      expect(response.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    }
    const create = await t.gql(
      'mutation($input: CreateDispatchOrderInput!) { createDispatchOrder(input: $input) { id } }',
      { input: { ...fertiliser, requestingGroup: 'LOGISTICS' } },
      agriculture,
    );
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('streams a liaison their own unit’s order changes only', async () => {
    const client = wsClient(t.wsUrl, agriculture);
    const live = collect<{ dispatchOrderChanged: { order: { id: string; requestingUnitId: string | null } } }>(client, ORDER_CHANGED);
    await new Promise((r) => setTimeout(r, 300));
    await createOrder(t, dispatcher); // HQ's own: not for the liaison
    await t.gql(REQUEST, { input: { ...fertiliser, cargoKind: 'MEDICAL_TRANSFER', cargoAmount: 1, cargoUnit: 'PERSONS' } }, health); // another unit's
    const own = (await t.gql<{ requestTransport: Order }>(REQUEST, { input: fertiliser }, agriculture)).data!.requestTransport;
    const [first] = await live.until(1);
    expect(first!.data!.dispatchOrderChanged.order).toEqual({ id: own.id, number: own.number, requestingUnitId: agricultureUnitId });
    await new Promise((r) => setTimeout(r, 500)); // nothing else may follow
    expect(live.results).toHaveLength(1);
    live.unsubscribe();
    await client.dispose();
  });
});
