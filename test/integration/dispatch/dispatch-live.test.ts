import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { ASSIGN, createOrder, readBoard } from './dispatch-helpers';

const VEHICLE_CHANGED = `subscription($after: EventPosition) {
  vehicleChanged(after: $after) {
    position kind
    vehicle { id plate status currentOrder { number } currentAssignment { assignedByName } company { code } }
    readiness { id readyCount companies { id code readyCount belowQuota } }
  }
}`;

interface VehicleChanged {
  vehicleChanged: {
    position: string;
    kind: string;
    vehicle: {
      id: string;
      plate: string;
      status: string;
      currentOrder: { number: string } | null;
      currentAssignment: { assignedByName: string } | null;
      company: { code: string };
    };
    readiness: { readyCount: number; companies: { code: string; readyCount: number; belowQuota: boolean }[] };
  };
}

describe('the standby board, live over the WebSocket', () => {
  let t: TestApp;
  let dispatcherA: string;
  let dispatcherB: string;
  beforeAll(async () => {
    t = await startTestApp();
    [dispatcherA, dispatcherB] = await Promise.all([t.login('dispatcher'), t.login('leader')]);
  });
  afterAll(() => t?.close());

  it('one dispatcher assigns a vehicle over HTTP; another console receives it as taken, with the job and the new counts', async () => {
    const client = wsClient(t.wsUrl, dispatcherB);
    const live = collect<VehicleChanged>(client, VEHICLE_CHANGED);
    const { data: position } = await t.gql<{ livePosition: string }>('{ livePosition(topic: "vehicle") }', {}, dispatcherB);
    await new Promise((r) => setTimeout(r, 300)); // let the subscription start; resuming covers the rest below
    const board = await readBoard(t, dispatcherA);
    const vehicle = board.companies
      .find((c) => c.code === 'GROUP')!
      .vehicles.find((v) => v.status === 'STANDBY' && v.vehicleType === 'BOX_TRUCK')!;
    const readyBefore = board.readiness.readyCount;
    const order = await createOrder(t, dispatcherA);
    const assigned = await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [vehicle.id] } }, dispatcherA);
    expect(assigned.errors).toBeUndefined();

    const [first] = await live.until(1);
    const change = first!.data!.vehicleChanged;
    expect(change.kind).toBe('UPDATED');
    expect(BigInt(change.position)).toBeGreaterThan(BigInt(position!.livePosition));
    expect(change.vehicle).toMatchObject({
      id: vehicle.id,
      status: 'ASSIGNED',
      currentOrder: { number: order.number },
      currentAssignment: { assignedByName: '张调配 (运输调配)' },
      company: { code: 'GROUP' },
    });
    expect(change.readiness.readyCount).toBe(readyBefore - 1);
    expect(change.readiness.companies.find((c) => c.code === 'GROUP')).toMatchObject({ readyCount: 4, belowQuota: true });
    live.unsubscribe();
    await client.dispose();
  });

  it('a console that was away resumes after its last position and gets every vehicle change it missed, in order', async () => {
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition(topic: "vehicle") }', {}, dispatcherB);
    const board = await readBoard(t, dispatcherA);
    const ready = board.companies
      .flatMap((c) => c.vehicles)
      .filter((v) => v.status === 'STANDBY' && v.vehicleType !== 'TANKER' && v.vehicleType !== 'PASSENGER');
    const order = await createOrder(t, dispatcherA);
    await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [ready[0]!.id, ready[1]!.id] } }, dispatcherA);
    await t.gql(
      'mutation($input: DispatchOrderStepInput!) { markOrderDeparted(input: $input) { id } }',
      { input: { orderId: order.id } },
      dispatcherA,
    );

    const client = wsClient(t.wsUrl, dispatcherB);
    const resumed = collect<VehicleChanged>(client, VEHICLE_CHANGED, { after: data!.livePosition });
    const results = await resumed.until(4);
    const changes = results.map((r) => r.data!.vehicleChanged);
    const positions = changes.map((c) => BigInt(c.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(new Set(positions).size).toBe(4);
    // Each event is re-read when delivered: by then both vehicles are on the road.
    expect(changes.map((c) => c.vehicle.status)).toEqual(['EN_ROUTE', 'EN_ROUTE', 'EN_ROUTE', 'EN_ROUTE']);
    resumed.unsubscribe();
    await client.dispose();
  });

  it('refuses the vehicle stream to a unit liaison, as the policy table says', async () => {
    const client = wsClient(t.wsUrl, await t.login('liaison'));
    const denied = collect(client, VEHICLE_CHANGED);
    await denied.until(1).catch(() => undefined);
    // graphql-ws answers a refused subscribe with one result carrying the error, then completes.
    expect(denied.results.length + denied.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify([...denied.results, ...denied.errors])).toContain('"code":"FORBIDDEN"');
    expect(denied.results.every((r) => !r.data?.['vehicleChanged'])).toBe(true);
    await client.dispose();
  });
});
