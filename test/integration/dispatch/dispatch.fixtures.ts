import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

// Every fixture that changes a vehicle or an order makes its own, so repeated calls
// (every role, both transports) never run the seeded fleet out of standby vehicles.
let plateCounter = 0;
/** A letter for this run's plates; never I or O, which plates do not use (shared/src/domain/plates.ts). */
const plateRun = 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(Math.random() * 24)]!;

/** A plate no other fixture of this run uses, e.g. 京FQ0007. */
function uniquePlate(): string {
  return `京F${plateRun}${String(++plateCounter).padStart(4, '0')}`;
}

async function firstCompany(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { standbyBoard } = await env.setup<{ standbyBoard: { companies: { id: string; version: number }[] } }>(
    '{ standbyBoard { companies { id version } } }',
  );
  return standbyBoard.companies[0]!;
}

async function newVehicle(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { createVehicle } = await env.setup<{ createVehicle: { id: string; version: number } }>(
    'mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id version } }',
    {
      input: {
        companyId: (await firstCompany(env)).id,
        plate: uniquePlate(),
        vehicleType: 'BOX_TRUCK',
        capacityTonnes: 5,
        driverName: '测试驾驶员',
        driverPhone: '139 0000 0000',
        conditionCheckedOn: new Date().toISOString().slice(0, 10),
      },
    },
  );
  return createVehicle;
}

const ORDER_INPUT = {
  cargoKind: 'EPIDEMIC_SUPPLIES',
  cargoDescription: '医用口罩（测试）',
  cargoAmount: 2,
  cargoUnit: 'TONNES',
  origin: '县应急物资储备库',
  destination: '城关交通检疫点',
};

/** An OPEN order; raised for a member unit when given one (a liaison of that unit sees it). */
async function newOrder(env: FixtureEnv, requestingUnitId?: string | null): Promise<{ id: string; version: number }> {
  const { createDispatchOrder } = await env.setup<{ createDispatchOrder: { id: string; version: number } }>(
    'mutation($input: CreateDispatchOrderInput!) { createDispatchOrder(input: $input) { id version } }',
    { input: { ...ORDER_INPUT, ...(requestingUnitId ? { requestingUnitId } : { requestingGroup: 'LOGISTICS' }) } },
  );
  return createDispatchOrder;
}

/** An order moved on to `stage` with one fresh vehicle on it. */
async function orderAt(
  env: FixtureEnv,
  stage: 'ASSIGNED' | 'DEPARTED' | 'ARRIVED' | 'COMPLETED',
): Promise<{ orderId: string; vehicleId: string }> {
  const order = await newOrder(env);
  const vehicle = await newVehicle(env);
  await env.setup('mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { id } }', {
    input: { orderId: order.id, vehicleIds: [vehicle.id] },
  });
  const steps = ['markOrderDeparted', 'markOrderArrived', 'completeDispatchOrder'].slice(
    0,
    ['ASSIGNED', 'DEPARTED', 'ARRIVED', 'COMPLETED'].indexOf(stage),
  );
  for (const step of steps)
    await env.setup(`mutation($input: DispatchOrderStepInput!) { ${step}(input: $input) { id } }`, { input: { orderId: order.id } });
  return { orderId: order.id, vehicleId: vehicle.id };
}

/** Dispatch (运输调配): the standby fleet, dispatch orders and units' transport requests. */
export const MODULE: ModuleTests = {
  module: 'dispatch',
  fixtures: {
    standbyBoard: () => ({}),
    vehicle: async (env) => ({ id: (await newVehicle(env)).id }),
    vehicleHistory: async (env) => ({ vehicleId: (await newVehicle(env)).id }),
    dispatchOrders: () => ({}),
    dispatchOrder: async (env) => ({ id: (await newOrder(env)).id }),
    dispatchFigures: () => ({}),
    vehicleChanged: () => ({}),
    dispatchOrderChanged: () => ({}),
    suggestVehicles: async (env) => ({ orderId: (await newOrder(env)).id }),
    createDispatchOrder: () => ({ input: { ...ORDER_INPUT, urgent: true, requestingGroup: 'LOGISTICS' } }),
    assignVehicles: async (env) => {
      const [order, vehicle] = await Promise.all([newOrder(env), newVehicle(env)]);
      return { input: { orderId: order.id, vehicleIds: [vehicle.id], expectedVersion: order.version } };
    },
    markOrderDeparted: async (env) => ({ input: { orderId: (await orderAt(env, 'ASSIGNED')).orderId } }),
    markOrderArrived: async (env) => ({ input: { orderId: (await orderAt(env, 'DEPARTED')).orderId } }),
    completeDispatchOrder: async (env) => ({ input: { orderId: (await orderAt(env, 'ARRIVED')).orderId } }),
    cancelDispatchOrder: async (env) => ({ input: { orderId: (await orderAt(env, 'ASSIGNED')).orderId, reason: '需求已取消（测试）' } }),
    // A vehicle back from a completed job (RETURNING) goes back on standby.
    releaseVehicle: async (env) => ({ input: { vehicleId: (await orderAt(env, 'COMPLETED')).vehicleId } }),
    changeVehicleStatus: async (env) => {
      const vehicle = await newVehicle(env);
      return { input: { vehicleId: vehicle.id, status: 'MAINTENANCE', note: '例行保养（测试）', expectedVersion: vehicle.version } };
    },
    createVehicle: async (env) => ({
      input: {
        companyId: (await firstCompany(env)).id,
        plate: uniquePlate(),
        vehicleType: 'REFRIGERATED_TRUCK',
        capacityTonnes: 4,
        driverName: '测试驾驶员',
        driverPhone: '138 0000 0000',
        conditionCheckedOn: new Date().toISOString().slice(0, 10),
      },
    }),
    updateVehicle: async (env) => {
      const vehicle = await newVehicle(env);
      return { input: { id: vehicle.id, expectedVersion: vehicle.version, driverPhone: '137 0000 0000' } };
    },
    // Sets the plan-3 quota and the default floor again: audited, and it leaves them as they were.
    updateCompanyQuota: async (env) => ({ input: { companyId: (await firstCompany(env)).id, standbyQuota: 5 } }),
    updateFleetReadyFloor: () => ({ readyFloor: 10 }),
    requestTransport: () => ({ input: { ...ORDER_INPUT, cargoKind: 'PRODUCTION_MATERIALS', cargoDescription: '春耕化肥（测试）' } }),
    // An order of the liaison's own unit (AGRICULTURE) with no vehicle on it yet may be withdrawn.
    cancelTransportRequest: async (env) => ({
      input: { orderId: (await newOrder(env, env.actor?.unitId ?? env.unitId('AGRICULTURE'))).id, reason: '已自行解决（测试）' },
    }),
    myTransportRequests: () => ({}),
    myTransportRequest: async (env) => ({ id: (await newOrder(env, env.actor?.unitId ?? env.unitId('AGRICULTURE'))).id }),
  },
  fieldHints: {
    driverPhone: ['13800000000', '010-6000-0000'],
    plate: ['京A·12345', '京B67890', 'AB'],
    conditionCheckedOn: ['2025-01-15', '2099-12-31', '15/01/2025'],
    reason: ['车辆故障', ''],
    origin: ['县物资仓库', ''],
    destination: ['城关检疫点', ''],
  },
  invariants: {
    vehicle_assignment: [
      {
        broken: 'a vehicle with more than one active assignment',
        sql: `select vehicle_id, count(*) from vehicle_assignment where released_at is null group by vehicle_id having count(*) > 1`,
      },
      {
        // A cancelled order's vehicles on the road turn back and stay on it until released (dispatch-order.service.ts, cancel).
        broken: 'an active assignment on an order that is not under way, other than a vehicle turning back from a cancelled order',
        sql: `select o.number, o.status, v.status as vehicle_status from vehicle_assignment a join dispatch_order o on o.id = a.order_id
              join vehicle v on v.id = a.vehicle_id
              where a.released_at is null and o.status not in ('ASSIGNED', 'DEPARTED', 'ARRIVED', 'COMPLETED')
                and not (o.status = 'CANCELLED' and v.status = 'RETURNING')`,
      },
    ],
    vehicle: [
      {
        broken: 'a vehicle on an active assignment that is not busy',
        sql: `select v.plate, v.status from vehicle v join vehicle_assignment a on a.vehicle_id = v.id and a.released_at is null
              where v.status not in ('ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'RETURNING')`,
      },
      {
        broken: 'a vehicle out on a job without an active assignment',
        sql: `select v.plate, v.status from vehicle v where v.status in ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')
              and not exists (select 1 from vehicle_assignment a where a.vehicle_id = v.id and a.released_at is null)`,
      },
    ],
    dispatch_order: [
      {
        // A unit liaison acts for their own unit only, whatever other units' ids they send.
        broken: 'a unit liaison created or changed another unit’s dispatch order',
        sql: `select o.number, a.operation, u.username from audit_record a
              join app_user u on u.id = a.actor_id
              join dispatch_order o on o.id::text = a.entity_id
              where a.at >= $1 and a.entity_type = 'DispatchOrder' and a.change in ('CREATE', 'UPDATE')
                and 'UNIT_LIAISON' = any (u.roles) and o.requesting_unit_id is distinct from u.unit_id`,
        sinceFuzzingBegan: true,
      },
    ],
    dispatch_order_counter: { none: 'per-day order numbers; a number used twice is refused by dispatch_order.number’s unique constraint' },
    transport_company: { none: 'its code format and the standby quota’s range are CHECK constraints (0005)' },
    fleet_setting: { none: 'one row (a unique CHECK keeps it single); the ready floor’s range is a CHECK constraint' },
    vehicle_status_change: { none: 'an append-only history; the vehicle’s own status is what the vehicle rules above check' },
  },
};
