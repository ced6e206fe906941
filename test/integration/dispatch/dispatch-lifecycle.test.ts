import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ASSIGN, ORDER_FIELDS, createOrder, readBoard, vehicleByPlate, type Order } from './dispatch-helpers';

const STEP = (name: string) => `mutation($input: DispatchOrderStepInput!) { ${name}(input: $input) { ${ORDER_FIELDS} } }`;
const RELEASE = `mutation($input: ReleaseVehicleInput!) { releaseVehicle(input: $input) { id plate status version } }`;
const CANCEL = `mutation($input: CancelDispatchOrderInput!) { cancelDispatchOrder(input: $input) { ${ORDER_FIELDS} } }`;
const CHANGE_STATUS = `mutation($input: ChangeVehicleStatusInput!) { changeVehicleStatus(input: $input) { id status statusSince } }`;
const SUGGEST = `query($id: ID!) { suggestVehicles(orderId: $id) { rule remainingTonnes recommendedTonnes
  suggestions { recommended reason companyJobsToday vehicle { id plate status vehicleType capacityTonnes company { code } } } } }`;
const HISTORY = `query($id: ID!) { vehicleHistory(vehicleId: $id) { vehicle { plate } changes { fromStatus toStatus orderId byName }
  assignments { orderId releasedAt } } }`;

describe('dispatch orders over HTTP, from creation to release', () => {
  let t: TestApp;
  let dispatcher: string;
  let leader: string;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    [dispatcher, leader, admin] = await Promise.all([t.login('dispatcher'), t.login('leader'), t.login('admin')]);
  });
  afterAll(() => t?.close());

  it('shows the seeded standby board: three companies of five, and who is below quota', async () => {
    const board = await readBoard(t, dispatcher);
    expect(board.companies.map((c) => c.name)).toEqual(['集团公司', '宛平分公司', '汽车运输公司']);
    expect(board.companies.map((c) => c.vehicles.length)).toEqual([5, 5, 5]);
    // seeded: one WANPING and one MOTOR vehicle on the road, one MOTOR vehicle in maintenance
    expect(board.readiness.companies.map((c) => [c.code, c.readyCount, c.belowQuota])).toEqual([
      ['GROUP', 5, false],
      ['WANPING', 4, true],
      ['MOTOR', 3, true],
    ]);
    expect(board.readiness).toMatchObject({ readyCount: 12, vehicleCount: 15, readyFloor: 10, belowFloor: false });
    const onRoad = board.companies.flatMap((c) => c.vehicles).filter((v) => v.status === 'EN_ROUTE');
    expect(onRoad.map((v) => v.currentOrder?.number)).toEqual([
      expect.stringMatching(/^DD-\d{8}-002$/),
      expect.stringMatching(/^DD-\d{8}-002$/),
    ]);
  });

  it('runs an order through assigned, departed, arrived, completed, and releases its vehicles to standby', async () => {
    const order = await createOrder(t, dispatcher, { cargoAmount: 8, urgent: true });
    expect(order).toMatchObject({ status: 'OPEN', greenChannel: true, priority: 1, assignments: [] });
    expect(order.number).toMatch(/^DD-\d{8}-\d{3}$/);

    const suggestions = await t.gql<{
      suggestVehicles: {
        rule: string;
        remainingTonnes: number;
        suggestions: { recommended: boolean; vehicle: { id: string; plate: string; status: string; vehicleType: string } }[];
      };
    }>(SUGGEST, { id: order.id }, dispatcher);
    expect(suggestions.errors).toBeUndefined();
    const offered = suggestions.data!.suggestVehicles;
    expect(offered.remainingTonnes).toBe(8);
    expect(offered.rule).toBe('dispatch.suggest.rule.balancedByJobsToday');
    expect(
      offered.suggestions.every(
        (s) => s.vehicle.status === 'STANDBY' && s.vehicle.vehicleType !== 'TANKER' && s.vehicle.vehicleType !== 'PASSENGER',
      ),
    ).toBe(true);
    const picks = offered.suggestions.filter((s) => s.recommended).map((s) => s.vehicle);
    expect(picks.length).toBeGreaterThanOrEqual(1);

    const assigned = await t.gql<{ assignVehicles: Order }>(
      ASSIGN,
      { input: { orderId: order.id, vehicleIds: picks.map((v) => v.id), expectedVersion: order.version } },
      dispatcher,
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignVehicles).toMatchObject({ status: 'ASSIGNED', assignedAt: expect.any(String) });
    expect(assigned.data!.assignVehicles.assignments.map((a) => a.vehicle.status)).toEqual(picks.map(() => 'ASSIGNED'));
    expect(assigned.data!.assignVehicles.assignments[0]!.assignedByName).toBe('张调配 (运输调配)');
    const onBoard = await vehicleByPlate(t, dispatcher, picks[0]!.plate);
    expect(onBoard).toMatchObject({
      status: 'ASSIGNED',
      currentOrder: { number: order.number },
      currentAssignment: { assignedByName: '张调配 (运输调配)' },
    });

    const departed = await t.gql<{ markOrderDeparted: Order }>(STEP('markOrderDeparted'), { input: { orderId: order.id } }, dispatcher);
    expect(departed.data!.markOrderDeparted).toMatchObject({ status: 'DEPARTED', departedAt: expect.any(String) });
    expect(departed.data!.markOrderDeparted.assignments.map((a) => a.vehicle.status)).toEqual(picks.map(() => 'EN_ROUTE'));

    const arrived = await t.gql<{ markOrderArrived: Order }>(STEP('markOrderArrived'), { input: { orderId: order.id } }, leader);
    expect(arrived.data!.markOrderArrived.assignments.map((a) => a.vehicle.status)).toEqual(picks.map(() => 'ON_SITE'));

    const completed = await t.gql<{ completeDispatchOrder: Order }>(
      STEP('completeDispatchOrder'),
      { input: { orderId: order.id } },
      dispatcher,
    );
    const done = completed.data!.completeDispatchOrder;
    expect(done).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String) });
    expect(done.assignments.map((a) => [a.vehicle.status, a.releasedAt])).toEqual(picks.map(() => ['RETURNING', null]));
    expect(new Date(done.departedAt!).getTime()).toBeGreaterThanOrEqual(new Date(done.assignedAt!).getTime());

    for (const vehicle of picks) {
      const released = await t.gql<{ releaseVehicle: { status: string } }>(RELEASE, { input: { vehicleId: vehicle.id } }, dispatcher);
      expect(released.errors).toBeUndefined();
      expect(released.data!.releaseVehicle.status).toBe('STANDBY');
    }
    const history = await t.gql<{
      vehicleHistory: {
        changes: { fromStatus: string | null; toStatus: string; orderId: string | null }[];
        assignments: { orderId: string; releasedAt: string | null }[];
      };
    }>(HISTORY, { id: picks[0]!.id }, dispatcher);
    expect(history.data!.vehicleHistory.changes.slice(0, 5).map((c) => `${c.fromStatus}>${c.toStatus}`)).toEqual([
      'RETURNING>STANDBY',
      'ON_SITE>RETURNING',
      'EN_ROUTE>ON_SITE',
      'ASSIGNED>EN_ROUTE',
      'STANDBY>ASSIGNED',
    ]);
    expect(history.data!.vehicleHistory.changes.slice(0, 5).every((c) => c.orderId === order.id)).toBe(true);
    expect(history.data!.vehicleHistory.assignments[0]).toMatchObject({ orderId: order.id, releasedAt: expect.any(String) });
  });

  it('records the day’s figures: response time from order created to departure, per company', async () => {
    const response = await t.gql<{
      dispatchFigures: {
        ordersCreated: number;
        responseP50Minutes: number | null;
        companies: { code: string; departures: number; jobs: number; utilisation: number }[];
      };
    }>(
      '{ dispatchFigures { ordersCreated responseP50Minutes companies { code departures jobs utilisation busyHours responseP50Minutes responseP90Minutes } } }',
      {},
      dispatcher,
    );
    expect(response.errors).toBeUndefined();
    const figures = response.data!.dispatchFigures;
    expect(figures.ordersCreated).toBeGreaterThanOrEqual(1);
    expect(figures.responseP50Minutes).not.toBeNull();
    expect(figures.companies.reduce((sum, c) => sum + c.departures, 0)).toBeGreaterThanOrEqual(1);
    for (const c of figures.companies) {
      expect(c.utilisation).toBeGreaterThanOrEqual(0);
      expect(c.utilisation).toBeLessThanOrEqual(1);
    }
  });

  it('refuses to assign a vehicle in maintenance, naming why, and writes nothing', async () => {
    const board = await readBoard(t, dispatcher);
    const inRepair = board.companies.flatMap((c) => c.vehicles).find((v) => v.status === 'MAINTENANCE')!;
    const order = await createOrder(t, dispatcher);
    const response = await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [inRepair.id] } }, dispatcher);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'vehicle/not_ready', plate: inRepair.plate });
    expect(response.errors?.[0]?.message).toContain(`${inRepair.plate} is in maintenance`);
    const after = await t.gql<{ dispatchOrder: Order }>(
      `query($id: ID!) { dispatchOrder(id: $id) { ${ORDER_FIELDS} } }`,
      { id: order.id },
      dispatcher,
    );
    expect(after.data!.dispatchOrder).toMatchObject({ status: 'OPEN', version: order.version, assignments: [] });
  });

  it('assigns all or nothing: one taken vehicle in a list leaves the others on standby', async () => {
    const board = await readBoard(t, dispatcher);
    const ready = board.companies.flatMap((c) => c.vehicles).filter((v) => v.status === 'STANDBY' && v.vehicleType !== 'TANKER');
    const taken = board.companies.flatMap((c) => c.vehicles).find((v) => v.status === 'EN_ROUTE')!;
    const order = await createOrder(t, dispatcher);
    const response = await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [ready[0]!.id, taken.id, ready[1]!.id] } }, dispatcher);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'vehicle/already_assigned', plate: taken.plate });
    expect(response.errors?.[0]?.message).toMatch(new RegExp(`^${taken.plate} was just assigned by .+ to DD-\\d{8}-\\d{3}\\.$`));
    expect((await vehicleByPlate(t, dispatcher, ready[0]!.plate)).status).toBe('STANDBY');
    expect((await vehicleByPlate(t, dispatcher, ready[1]!.plate)).status).toBe('STANDBY');
  });

  it('refuses steps out of order with INVALID_TRANSITION', async () => {
    const order = await createOrder(t, dispatcher);
    const early = await t.gql(STEP('markOrderDeparted'), { input: { orderId: order.id } }, dispatcher);
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'dispatchOrder/invalid_transition',
      from: 'OPEN',
      to: 'DEPARTED',
    });
    const stale = await t.gql(STEP('markOrderDeparted'), { input: { orderId: order.id, expectedVersion: order.version + 5 } }, dispatcher);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'dispatchOrder/stale' });
  });

  it('reopens an order when its last vehicle is released before departure', async () => {
    const order = await createOrder(t, dispatcher);
    const vehicle = (await readBoard(t, dispatcher)).companies[0]!.vehicles.find(
      (v) => v.status === 'STANDBY' && v.vehicleType === 'BOX_TRUCK',
    )!;
    await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [vehicle.id] } }, dispatcher);
    const released = await t.gql<{ releaseVehicle: { status: string } }>(RELEASE, { input: { vehicleId: vehicle.id } }, dispatcher);
    expect(released.data!.releaseVehicle.status).toBe('STANDBY');
    const after = await t.gql<{ dispatchOrder: Order }>(
      `query($id: ID!) { dispatchOrder(id: $id) { ${ORDER_FIELDS} } }`,
      { id: order.id },
      dispatcher,
    );
    expect(after.data!.dispatchOrder.status).toBe('OPEN');
    expect(after.data!.dispatchOrder.assignments).toEqual([
      expect.objectContaining({ vehicleId: vehicle.id, releasedAt: expect.any(String) }),
    ]);
  });

  it('cancels an order: vehicles not yet gone go straight back to standby', async () => {
    const order = await createOrder(t, dispatcher);
    const vehicle = (await readBoard(t, dispatcher)).companies[0]!.vehicles.find(
      (v) => v.status === 'STANDBY' && v.vehicleType === 'BOX_TRUCK',
    )!;
    await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [vehicle.id] } }, dispatcher);
    const noReason = await t.gql(CANCEL, { input: { orderId: order.id, reason: ' ' } }, dispatcher);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const cancelled = await t.gql<{ cancelDispatchOrder: Order }>(
      CANCEL,
      { input: { orderId: order.id, reason: '需求方已自行解决' } },
      dispatcher,
    );
    expect(cancelled.data!.cancelDispatchOrder).toMatchObject({
      status: 'CANCELLED',
      cancelReason: '需求方已自行解决',
      cancelledAt: expect.any(String),
    });
    expect(cancelled.data!.cancelDispatchOrder.assignments[0]).toMatchObject({
      releasedAt: expect.any(String),
      vehicle: { status: 'STANDBY' },
    });
  });

  it('cancels an order under way: vehicles on the road turn back and stay on it until they are released', async () => {
    const order = await createOrder(t, dispatcher);
    const vehicle = (await readBoard(t, dispatcher)).companies[0]!.vehicles.find(
      (v) => v.status === 'STANDBY' && v.vehicleType === 'BOX_TRUCK',
    )!;
    await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [vehicle.id] } }, dispatcher);
    await t.gql(STEP('markOrderDeparted'), { input: { orderId: order.id } }, dispatcher);
    const cancelled = await t.gql<{ cancelDispatchOrder: Order }>(
      CANCEL,
      { input: { orderId: order.id, reason: '道路封闭，改由邻县调配' } },
      dispatcher,
    );
    expect(cancelled.data!.cancelDispatchOrder.status).toBe('CANCELLED');
    // Still on the order (its crew is accounted for) until it is back in.
    expect(cancelled.data!.cancelDispatchOrder.assignments[0]).toMatchObject({ releasedAt: null, vehicle: { status: 'RETURNING' } });
    const released = await t.gql<{ releaseVehicle: { status: string } }>(
      RELEASE,
      { input: { vehicleId: vehicle.id, toStatus: 'STANDBY' } },
      dispatcher,
    );
    expect(released.data!.releaseVehicle.status).toBe('STANDBY');
  });

  it('sets maintenance and off duty by hand, but never a job status, and never on a job', async () => {
    const board = await readBoard(t, dispatcher);
    const idle = board.companies[0]!.vehicles.find((v) => v.status === 'STANDBY')!;
    const onJob = board.companies.flatMap((c) => c.vehicles).find((v) => v.status === 'EN_ROUTE')!;
    const jobStatus = await t.gql(CHANGE_STATUS, { input: { vehicleId: idle.id, status: 'EN_ROUTE' } }, dispatcher);
    expect(jobStatus.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const busy = await t.gql(CHANGE_STATUS, { input: { vehicleId: onJob.id, status: 'MAINTENANCE' } }, dispatcher);
    expect(busy.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'vehicle/on_job' });
    const repair = await t.gql<{ changeVehicleStatus: { status: string } }>(
      CHANGE_STATUS,
      { input: { vehicleId: idle.id, status: 'MAINTENANCE', note: '例行保养' } },
      dispatcher,
    );
    expect(repair.data!.changeVehicleStatus.status).toBe('MAINTENANCE');
    const offDuty = await t.gql(CHANGE_STATUS, { input: { vehicleId: idle.id, status: 'OFF_DUTY' } }, dispatcher);
    expect(offDuty.errors).toBeUndefined();
    const back = await t.gql<{ changeVehicleStatus: { status: string } }>(
      CHANGE_STATUS,
      { input: { vehicleId: idle.id, status: 'STANDBY' } },
      dispatcher,
    );
    expect(back.data!.changeVehicleStatus.status).toBe('STANDBY');
  });

  it('alerts on quota: a company drops below its quota when a vehicle leaves standby, and the quota is configurable', async () => {
    let board = await readBoard(t, dispatcher);
    const group = () => board.readiness.companies.find((c) => c.code === 'GROUP')!;
    expect(group()).toMatchObject({ readyCount: 5, standbyQuota: 5, belowQuota: false });
    const vehicle = board.companies.find((c) => c.code === 'GROUP')!.vehicles.find((v) => v.status === 'STANDBY')!;
    await t.gql(CHANGE_STATUS, { input: { vehicleId: vehicle.id, status: 'MAINTENANCE' } }, dispatcher);
    board = await readBoard(t, dispatcher);
    expect(group()).toMatchObject({ readyCount: 4, belowQuota: true });

    const company = board.companies.find((c) => c.code === 'GROUP')!;
    const forbidden = await t.gql(
      'mutation($input: UpdateCompanyQuotaInput!) { updateCompanyQuota(input: $input) { standbyQuota } }',
      { input: { companyId: company.id, standbyQuota: 4 } },
      dispatcher,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lowered = await t.gql(
      'mutation($input: UpdateCompanyQuotaInput!) { updateCompanyQuota(input: $input) { standbyQuota } }',
      { input: { companyId: company.id, standbyQuota: 4, expectedVersion: company.version } },
      admin,
    );
    expect(lowered.errors).toBeUndefined();
    board = await readBoard(t, dispatcher);
    expect(group()).toMatchObject({ readyCount: 4, standbyQuota: 4, belowQuota: false });

    const floor = await t.gql<{ updateFleetReadyFloor: { readyFloor: number; belowFloor: boolean; readyCount: number } }>(
      'mutation { updateFleetReadyFloor(readyFloor: 14) { readyFloor belowFloor readyCount } }',
      {},
      leader,
    );
    expect(floor.data!.updateFleetReadyFloor).toMatchObject({ readyFloor: 14, belowFloor: true });
    await t.gql(CHANGE_STATUS, { input: { vehicleId: vehicle.id, status: 'STANDBY' } }, dispatcher);
  });

  it('answers a malformed or unknown id with NOT_FOUND, not a database error', async () => {
    for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000']) {
      const response = await t.gql(`query($id: ID!) { dispatchOrder(id: $id) { id } }`, { id }, dispatcher);
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const assign = await t.gql(ASSIGN, { input: { orderId: id, vehicleIds: [id] } }, dispatcher);
      expect(assign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });
});
