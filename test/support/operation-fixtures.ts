/**
 * Sample arguments for EVERY root operation (query, mutation, subscription) of the schema,
 * keyed by operation name.
 *
 * ADDING AN OPERATION? ADD ITS FIXTURE HERE. Two generic tests use this table and fail for an
 * operation without an entry:
 *   - test/integration/authorization-matrix.test.ts sends every operation as every role (and
 *     anonymously), over HTTP and over the WebSocket, and checks the answer against
 *     shared/src/policy.ts;
 *   - test/integration/audit-every-mutation.test.ts calls every mutation successfully, as a role
 *     the policy allows, and checks the audit trail recorded it.
 *
 * A fixture returns the operation's variables (argument name -> value) and must make the call
 * SUCCEED for any caller the policy allows (the matrix and the audit test rely on it). It runs
 * once per call, so it should prepare a fresh record for a mutation that changes one (through
 * `env.setup`, as an administrator holding every HQ role): every attempt then starts from the same
 * state, whichever role or transport ran before. Mutations run as a freshly created user, so
 * signing out or changing the caller's password harms nothing else.
 */
import type { Role } from '@cc/shared';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-users';

export interface FixtureActor {
  userId: string;
  username: string;
  password: string;
  roles: readonly Role[];
  /** The member unit of a unit liaison (AGRICULTURE for the matrix's liaisons); null for HQ staff. */
  unitId: string | null;
  cookie: string;
}

export interface FixtureEnv {
  /** Who will send the operation; null when it is sent anonymously. */
  actor: FixtureActor | null;
  /** Runs a GraphQL request as the fixture administrator (every HQ role, ADMIN included); throws on any error. */
  setup<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The id of a demo member unit by code (AGRICULTURE, COMMERCE, INDUSTRY, HEALTH). */
  unitId(code: string): string;
  /** A name unique in this test run: lower-case letters, digits and dashes. */
  unique(prefix: string): string;
}

export type Variables = Record<string, unknown>;
export type OperationFixture = (env: FixtureEnv) => Variables | Promise<Variables>;

const FIXTURE_PASSWORD = 'fixture-password-1';

async function newUser(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { createUser } = await env.setup<{ createUser: { id: string; version: number } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id version } }',
    { input: { username: env.unique('target'), displayName: '测试对象', password: FIXTURE_PASSWORD, roles: ['DUTY_OFFICER'] } },
  );
  return createUser;
}

async function newUnit(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { createMemberUnit } = await env.setup<{ createMemberUnit: { id: string; version: number } }>(
    'mutation($input: CreateMemberUnitInput!) { createMemberUnit(input: $input) { id version } }',
    { input: { code: env.unique('unit').toUpperCase().replaceAll('-', '_'), name: '测试成员单位' } },
  );
  return createMemberUnit;
}

async function newIncident(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { reportIncident } = await env.setup<{ reportIncident: { id: string; version: number } }>(
    'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id version } }',
    { input: { title: '检疫点物资告急（测试）', incidentClass: 'B' } },
  );
  return reportIncident;
}

async function resolvedIncident(env: FixtureEnv): Promise<{ id: string }> {
  const incident = await newIncident(env);
  await env.setup('mutation($input: IncidentActionInput!) { resolveIncident(input: $input) { id } }', { input: { id: incident.id } });
  return incident;
}

/** The working group whose alerts the actor sees (leaders and administrators see all; DUTY then). */
function alertGroupFor(actor: FixtureActor | null): string {
  const byRole: Partial<Record<Role, string>> = {
    DUTY_OFFICER: 'DUTY',
    DISPATCHER: 'TRANSPORT',
    LOGISTICS_OFFICER: 'LOGISTICS',
    COORDINATOR: 'COORDINATION',
  };
  for (const role of actor?.roles ?? []) if (byRole[role]) return byRole[role]!;
  return 'DUTY';
}

/**
 * A fresh RAISED alert the actor may see: a class-A incident reported 7 hours ago (past its
 * 6-hour deadline), assigned to the actor's group. The server raises the alert on the
 * incident's event; this waits for it.
 */
async function newAlert(env: FixtureEnv): Promise<{ id: string }> {
  const { reportIncident } = await env.setup<{ reportIncident: { id: string } }>(
    'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
    {
      input: {
        title: '甲类事件已超过报告时限（测试）',
        incidentClass: 'A',
        reportedAt: new Date(Date.now() - 7 * 3_600_000).toISOString(),
        assignedGroup: alertGroupFor(env.actor),
      },
    },
  );
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { alerts } = await env.setup<{ alerts: { id: string; ruleId: string; source: { entityId: string } }[] }>(
      '{ alerts(status: [RAISED], level: CRITICAL, limit: 200) { id ruleId source { entityId } } }',
    );
    const alert = alerts.find((a) => a.ruleId === 'incident-past-deadline' && a.source.entityId === reportIncident.id);
    if (alert) return alert;
    if (Date.now() > deadline) throw new Error('the past-deadline alert for the fixture incident was not raised');
    await new Promise((r) => setTimeout(r, 25));
  }
}

// dispatch: every fixture that changes a vehicle or an order makes its own, so repeated calls
// (every role, both transports) never run the seeded fleet out of standby vehicles.
let plateCounter = 0;
const plateRun = String.fromCharCode(65 + Math.floor(Math.random() * 26));

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

export const OPERATION_FIXTURES: Record<string, OperationFixture> = {
  // identity: signing in, one's own account
  me: () => ({}),
  login: (env) => ({ username: env.actor?.username ?? 'duty', password: env.actor?.password ?? DEMO_PASSWORD }),
  logout: () => ({}),
  changePassword: (env) => ({
    currentPassword: env.actor?.password ?? 'not-signed-in',
    newPassword: `${env.actor?.password ?? 'x'}-changed`,
  }),

  // identity: administration
  users: () => ({}),
  createUser: (env) => ({
    input: {
      username: env.unique('new'),
      displayName: '新同事',
      password: FIXTURE_PASSWORD,
      roles: ['DUTY_OFFICER', 'LEADER'],
      phone: '010-6000 0000',
    },
  }),
  updateUser: async (env) => {
    const target = await newUser(env);
    return {
      input: {
        id: target.id,
        expectedVersion: target.version,
        displayName: '改名后的同事',
        roles: ['COORDINATOR'],
        unitId: null,
        phone: '',
      },
    };
  },
  setUserActive: async (env) => ({ id: (await newUser(env)).id, active: false }),
  resetUserPassword: async (env) => ({ id: (await newUser(env)).id, newPassword: 'a-new-password-1' }),
  memberUnits: () => ({}),
  memberUnit: (env) => ({ id: env.actor?.unitId ?? env.unitId('AGRICULTURE') }),
  createMemberUnit: (env) => ({ input: { code: env.unique('unit').toUpperCase().replaceAll('-', '_'), name: '县交通运输局' } }),
  updateMemberUnit: async (env) => {
    const unit = await newUnit(env);
    return { input: { id: unit.id, expectedVersion: unit.version, name: '县交通运输局（更名）', active: true } };
  },

  // audit
  auditRecords: () => ({ first: 5 }),

  // realtime
  livePosition: () => ({}),

  // incidents
  incidents: () => ({}),
  incident: async (env) => ({ id: (await newIncident(env)).id }),
  reportIncident: () => ({ input: { title: '宛平路段运输车辆滞留（测试）', incidentClass: 'C', location: 'G107 宛平段' } }),
  changeIncidentStatus: async (env) => {
    const incident = await newIncident(env);
    return { input: { id: incident.id, status: 'ACKNOWLEDGED', expectedVersion: incident.version } };
  },
  incidentChanged: () => ({}),
  acknowledgeIncident: async (env) => ({ input: { id: (await newIncident(env)).id } }),
  startIncident: async (env) => ({ input: { id: (await newIncident(env)).id } }),
  resolveIncident: async (env) => ({ input: { id: (await newIncident(env)).id, note: '已处置（测试）' } }),
  closeIncident: async (env) => ({ input: { id: (await resolvedIncident(env)).id } }),
  reopenIncident: async (env) => ({ input: { id: (await resolvedIncident(env)).id, note: '情况反复（测试）' } }),
  assignIncident: async (env) => ({ input: { id: (await newIncident(env)).id, assignedGroup: 'LOGISTICS' } }),
  updateIncident: async (env) => {
    const incident = await newIncident(env);
    return { input: { id: incident.id, expectedVersion: incident.version, severity: 'HIGH' } };
  },
  addIncidentNote: async (env) => ({ input: { incidentId: (await newIncident(env)).id, text: '已电话联系现场（测试）' } }),
  recordIncidentReportedUpward: async (env) => ({
    input: { incidentId: (await newIncident(env)).id, reportedTo: '区卫生健康委员会应急办（测试）', note: '电话报告（测试）' },
  }),

  // alerts and the leader's board
  alerts: () => ({}),
  alert: async (env) => ({ id: (await newAlert(env)).id }),
  alertChanged: () => ({}),
  acknowledgeAlert: async (env) => ({ id: (await newAlert(env)).id }),
  resolveAlert: async (env) => ({ id: (await newAlert(env)).id, note: '已督促上报（测试）' }),
  alertRules: () => ({}),
  // Sets the default again: a real, audited change that leaves the rule as it was.
  updateAlertRule: () => ({ input: { ruleId: 'incident-unacknowledged', thresholds: [{ key: 'minutes', value: 15 }] } }),
  leaderDashboard: () => ({}),

  // dispatch (运输调配)
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
};
