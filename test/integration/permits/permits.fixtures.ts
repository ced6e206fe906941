import type { FixtureEnv, ModuleTests } from '../../support/module-tests';
import { permitLinkFieldHints, permitLinkFixtures, permitLinkInvariants } from './permit-links.fixture-helpers';

const HOUR = 3600_000;

/**
 * A plate of its own for each request (京G + this run's letter + a counter): two valid permits of
 * one plate on the same route and time would need a confirmed overlap (permit-links), and a fixture
 * must succeed however many times it runs.
 */
let plateCounter = 0;
const plateRun = 'ABCDEFGHJKLMNPQRSTUVWXYZ'[Math.floor(Math.random() * 24)]!;
export function uniquePermitPlate(): string {
  return `京G${plateRun}${String(++plateCounter).padStart(4, '0')}`;
}

/** A request as a liaison or a dispatcher fills it in; the window starts in an hour and lasts two days. */
export function requestInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const from = new Date(Date.now() + HOUR);
  return {
    applicantName: '城关镇惠民超市（测试）',
    contactName: '李经理',
    contactPhone: '138 0000 0000',
    plate: uniquePermitPlate(),
    vehicleType: 'BOX_TRUCK',
    driverName: '张师傅',
    driverIdNumber: '11010519491231002X',
    cargoKind: 'DAILY_NECESSITIES',
    cargoDescription: '蔬菜 2 吨（测试）',
    origin: '县蔬菜批发市场',
    destinations: ['城关镇惠民超市', '宛平社区便民点'],
    validFrom: from.toISOString(),
    validUntil: new Date(from.getTime() + 48 * HOUR).toISOString(),
    ...overrides,
  };
}

/** The unit a record must be of for the actor to see it: their own (a liaison), any otherwise. */
function unitFor(env: FixtureEnv): string {
  return env.actor?.unitId ?? env.unitId('COMMERCE');
}

/** A request waiting in the queue, of the actor's unit. */
export async function newRequest(env: FixtureEnv, overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
  const { filePermitRequest } = await env.setup<{ filePermitRequest: { id: string } }>(
    'mutation($input: FilePermitRequestInput!) { filePermitRequest(input: $input) { id } }',
    { input: requestInput({ unitId: unitFor(env), ...overrides }) },
  );
  return filePermitRequest;
}

/** A request HQ asked a question about. */
async function requestNeedingInfo(env: FixtureEnv): Promise<{ id: string }> {
  const request = await newRequest(env);
  await env.setup('mutation($input: AskPermitRequestInfoInput!) { askPermitRequestInfo(input: $input) { id } }', {
    input: { requestId: request.id, question: '请补充货物清单（测试）' },
  });
  return request;
}

/** A permit issued for the actor's unit. */
async function newPermit(env: FixtureEnv): Promise<{ id: string; number: string }> {
  const request = await newRequest(env);
  const { approvePermitRequest } = await env.setup<{ approvePermitRequest: { id: string; number: string } }>(
    'mutation($input: ApprovePermitRequestInput!) { approvePermitRequest(input: $input) { id number } }',
    { input: { requestId: request.id } },
  );
  return approvePermitRequest;
}

/** 通行证: fixtures for every permits operation, and the permit tables' invariants. */
export const MODULE: ModuleTests = {
  module: 'permits',
  fixtures: {
    permitQueue: () => ({ first: 20 }),
    permitRequest: async (env) => ({ id: (await newRequest(env)).id }),
    myPermitRequests: () => ({ first: 20 }),
    permitUnits: () => ({}),
    trafficPermits: () => ({ search: '京G', first: 20 }),
    trafficPermit: async (env) => ({ idOrNumber: (await newPermit(env)).number }),
    filePermitRequest: (env) => ({ input: requestInput({ unitId: unitFor(env), cargoKind: 'EPIDEMIC_SUPPLIES' }) }),
    resubmitPermitRequest: async (env) => ({ input: { requestId: (await requestNeedingInfo(env)).id, answer: '清单已补充（测试）' } }),
    withdrawPermitRequest: async (env) => ({ input: { requestId: (await newRequest(env)).id } }),
    approvePermitRequest: async (env) => ({
      input: { requestId: (await newRequest(env)).id, validUntil: new Date(Date.now() + 24 * HOUR).toISOString() },
    }),
    rejectPermitRequest: async (env) => ({ input: { requestId: (await newRequest(env)).id, reason: '车辆信息不符（测试）' } }),
    askPermitRequestInfo: async (env) => ({ input: { requestId: (await newRequest(env)).id, question: '请补充驾驶员健康证明（测试）' } }),
    revokeTrafficPermit: async (env) => ({ input: { permitId: (await newPermit(env)).id, reason: '车辆已更换（测试）' } }),
    permitRequestChanged: () => ({}),
    trafficPermitChanged: () => ({}),
    // the dispatch side (issue 21): a job's permit, standing permits, the day's figures
    ...permitLinkFixtures,
    // Public: any number gets an answer (UNKNOWN here), signed in or not.
    verifyPermit: () => ({ number: 'TXZ-0000-0000-0000' }),
  },
  fieldHints: {
    plate: ['京A12345', '京AD12345', '京A12345D', '京A1234', '京AI2345'],
    driverIdNumber: ['11010519491231002X', '110105194912310021', '123'],
    contactPhone: ['13800000000', '010-6000 0000', '12345'],
    destinations: [['城关镇'], [], ['']],
    cargoKind: ['EPIDEMIC_SUPPLIES', 'COAL'],
    validFrom: ['2026-12-08T08:00:00+08:00', '2020-01-01T00:00:00Z'],
    validUntil: ['2026-12-10T08:00:00+08:00', '2030-01-01T00:00:00Z'],
    reason: ['证件不全', ''],
    question: ['请补充货物清单', ''],
    answer: ['已补充', ''],
    idOrNumber: ['TXZ-0000000000000', 'not-a-number'],
    ...permitLinkFieldHints,
  },
  invariants: {
    permit_request: [
      {
        broken: 'an approved request without its permit, or a permit for a request not approved',
        sql: `select r.id, r.status from permit_request r left join traffic_permit p on p.request_id = r.id
              where (r.status = 'APPROVED') <> (p.id is not null)`,
      },
      {
        // A liaison files for their own unit only (permits.policy.ts, core/auth/unit-scope.ts).
        broken: 'a request a liaison filed for another unit',
        sql: `select r.id, u.username from permit_request r join app_user u on u.id = r.filed_by_id
              where not exists (select 1 from unnest(u.roles) role where role <> 'UNIT_LIAISON') and r.unit_id is distinct from u.unit_id`,
      },
      {
        broken: 'a request decided by someone who is neither a reviewer nor (withdrawn) its own side',
        sql: `select r.id, r.status, u.username from permit_request r join app_user u on u.id = r.decided_by_id
              where r.status in ('APPROVED', 'REJECTED') and not ('DISPATCHER' = any (u.roles) or 'LEADER' = any (u.roles))`,
      },
    ],
    traffic_permit: [
      {
        broken: 'a permit valid outside the window its request asked for (widened)',
        sql: `select p.number from traffic_permit p join permit_request r on r.id = p.request_id
              where p.valid_from < r.requested_from or p.valid_until > r.requested_until`,
      },
      {
        broken: 'a permit that is not a copy of its request',
        sql: `select p.number from traffic_permit p join permit_request r on r.id = p.request_id
              where (p.unit_id, p.plate, p.driver_id_masked, p.cargo_kind, p.green_channel)
                    is distinct from (r.unit_id, r.plate, r.driver_id_masked, r.cargo_kind, r.green_channel)`,
      },
    ],
    ...permitLinkInvariants,
  },
};
