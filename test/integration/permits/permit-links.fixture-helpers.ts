import { PERMIT_CARGO_FOR_DISPATCH } from '@cc/shared';
import type { FixtureEnv, Invariant, OperationFixture } from '../../support/module-tests';
import { requestInput } from './permits.fixtures';

/*
 * Fixtures and invariants of the permits' dispatch side (permit-links): a fresh vehicle per
 * fixture (京H + this run's letter + a counter), so no call depends on the seeded fleet.
 */

let plateCounter = 0;
const plateRun = 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(Math.random() * 24)]!;
const uniquePlate = () => `京H${plateRun}${String(++plateCounter).padStart(4, '0')}`;
const HOUR = 3600_000;

async function newVehicle(env: FixtureEnv): Promise<{ id: string; plate: string }> {
  const { standbyBoard } = await env.setup<{ standbyBoard: { companies: { id: string }[] } }>('{ standbyBoard { companies { id } } }');
  const { createVehicle } = await env.setup<{ createVehicle: { id: string; plate: string } }>(
    'mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id plate } }',
    {
      input: {
        companyId: standbyBoard.companies[0]!.id,
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

/** An issued epidemic-supplies permit for the plate, valid from a few minutes ago for a day. */
async function permitFor(env: FixtureEnv, plate: string): Promise<string> {
  const from = new Date(Date.now() - 10 * 60_000);
  const { filePermitRequest } = await env.setup<{ filePermitRequest: { id: string } }>(
    'mutation($input: FilePermitRequestInput!) { filePermitRequest(input: $input) { id } }',
    {
      input: requestInput({
        unitId: env.unitId('COMMERCE'),
        plate,
        cargoKind: 'EPIDEMIC_SUPPLIES',
        validFrom: from.toISOString(),
        validUntil: new Date(from.getTime() + 24 * HOUR).toISOString(),
      }),
    },
  );
  const { approvePermitRequest } = await env.setup<{ approvePermitRequest: { id: string } }>(
    'mutation($input: ApprovePermitRequestInput!) { approvePermitRequest(input: $input) { id } }',
    { input: { requestId: filePermitRequest.id } },
  );
  return approvePermitRequest.id;
}

/** A fresh vehicle on a fresh epidemic-supplies order, and a permit issued for it. */
async function jobWithPermit(env: FixtureEnv): Promise<{ assignmentId: string; permitId: string }> {
  const vehicle = await newVehicle(env);
  const { createDispatchOrder } = await env.setup<{ createDispatchOrder: { id: string } }>(
    'mutation($input: CreateDispatchOrderInput!) { createDispatchOrder(input: $input) { id } }',
    {
      input: {
        cargoKind: 'EPIDEMIC_SUPPLIES',
        cargoAmount: 2,
        cargoUnit: 'TONNES',
        origin: '县应急物资储备库',
        destination: '城关交通检疫点',
        requestingGroup: 'LOGISTICS',
      },
    },
  );
  const { assignVehicles } = await env.setup<{ assignVehicles: { assignments: { id: string; vehicleId: string }[] } }>(
    'mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { assignments { id vehicleId } } }',
    { input: { orderId: createDispatchOrder.id, vehicleIds: [vehicle.id] } },
  );
  return {
    assignmentId: assignVehicles.assignments.find((a) => a.vehicleId === vehicle.id)!.id,
    permitId: await permitFor(env, vehicle.plate),
  };
}

async function vehicleWithPermit(env: FixtureEnv): Promise<{ vehicleId: string; permitId: string }> {
  const vehicle = await newVehicle(env);
  return { vehicleId: vehicle.id, permitId: await permitFor(env, vehicle.plate) };
}

export const permitLinkFixtures: Readonly<Record<string, OperationFixture>> = {
  attachablePermits: async (env) => ({ assignmentId: (await jobWithPermit(env)).assignmentId }),
  standingPermitChoices: async (env) => ({ vehicleId: (await newVehicle(env)).id }),
  permitFigures: () => ({}),
  attachPermitToAssignment: async (env) => ({ input: await jobWithPermit(env) }),
  grantStandingPermit: async (env) => ({ input: await vehicleWithPermit(env) }),
  withdrawStandingPermit: async (env) => {
    const granted = await vehicleWithPermit(env);
    await env.setup('mutation($input: GrantStandingPermitInput!) { grantStandingPermit(input: $input) { id } }', { input: granted });
    return { input: { vehicleId: granted.vehicleId } };
  },
};

export const permitLinkFieldHints: Readonly<Record<string, readonly unknown[]>> = {
  confirmOverlap: [true, false],
  overlapReason: ['两车次分别运送', '', ' '],
  expectedEndAt: ['2026-12-08T18:00:00+08:00', '2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z'],
  day: ['2026-12-07', '2026-02-30', 'today'],
};

/** Pairs of (dispatch cargo, permit cargo) that may travel together, as SQL values. */
const COMPATIBLE = Object.entries(PERMIT_CARGO_FOR_DISPATCH)
  .flatMap(([dispatch, permits]) => permits.map((p) => `('${dispatch}', '${p}')`))
  .join(', ');

export const permitLinkInvariants: Readonly<Record<string, readonly Invariant[]>> = {
  permit_assignment_link: [
    {
      broken: 'a job carrying another vehicle’s permit',
      sql: `select l.id, l.plate, p.plate from permit_assignment_link l join traffic_permit p on p.id = l.permit_id where p.plate <> l.plate`,
    },
    {
      broken: 'a link whose order or vehicle is not its assignment’s',
      sql: `select l.id from permit_assignment_link l join vehicle_assignment a on a.id = l.assignment_id
            where a.order_id <> l.order_id or a.vehicle_id <> l.vehicle_id`,
    },
    {
      broken: 'a job carrying a permit for cargo that does not cover the order’s',
      sql: `select l.id, o.cargo_kind, p.cargo_kind from permit_assignment_link l
            join dispatch_order o on o.id = l.order_id join traffic_permit p on p.id = l.permit_id
            where (o.cargo_kind, p.cargo_kind) not in (${COMPATIBLE})`,
    },
    {
      broken: 'a job’s permit that ends before the job is expected to end, or was attached while revoked',
      sql: `select l.id from permit_assignment_link l join traffic_permit p on p.id = l.permit_id
            where p.valid_until < l.expected_end_at or p.revoked_at <= l.attached_at`,
    },
  ],
  standing_permit: [
    {
      broken: 'a standing permit of another plate than its vehicle’s when granted',
      sql: `select s.id, s.plate, p.plate from standing_permit s join traffic_permit p on p.id = s.permit_id where p.plate <> s.plate`,
    },
    {
      broken: 'a standing permit granted while revoked or ended',
      sql: `select s.id from standing_permit s join traffic_permit p on p.id = s.permit_id
            where p.revoked_at <= s.granted_at or p.valid_until <= s.granted_at`,
    },
  ],
  permit_overlap_confirmation: [
    {
      broken: 'an overlap confirmed between permits of different vehicles, or without a reason',
      sql: `select c.id from permit_overlap_confirmation c
            join traffic_permit a on a.id = c.permit_id join traffic_permit b on b.id = c.other_permit_id
            where a.plate <> b.plate or length(btrim(c.reason)) = 0`,
    },
  ],
};
