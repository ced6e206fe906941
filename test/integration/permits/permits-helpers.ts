import { expect } from 'vitest';
import type { GraphQLResponse, TestApp } from '../../support/test-app';

const HOUR = 3600_000;

export const REQUEST_FIELDS = `id unitId unitName applicantName contactPhone plate vehicleType driverName driverIdMasked cargoKind greenChannel
  origin destinations requestedFrom requestedUntil status filedAt submittedAt filedByName dutyCallId question answer decidedAt
  decidedByName rejectionReason version`;
export const PERMIT_FIELDS = `id number requestId unitId applicantName plate cargoKind greenChannel validFrom validUntil effectiveUntil status
  issuedAt issuedByName revokedAt revokedByName revocationReason driverIdMasked`;

export const FILE = `mutation($input: FilePermitRequestInput!) { filePermitRequest(input: $input) { ${REQUEST_FIELDS} } }`;
export const APPROVE = `mutation($input: ApprovePermitRequestInput!) { approvePermitRequest(input: $input) { ${PERMIT_FIELDS} } }`;
export const REJECT = `mutation($input: RejectPermitRequestInput!) { rejectPermitRequest(input: $input) { ${REQUEST_FIELDS} } }`;
export const ASK = `mutation($input: AskPermitRequestInfoInput!) { askPermitRequestInfo(input: $input) { ${REQUEST_FIELDS} } }`;
export const RESUBMIT = `mutation($input: ResubmitPermitRequestInput!) { resubmitPermitRequest(input: $input) { ${REQUEST_FIELDS} } }`;
export const WITHDRAW = `mutation($input: PermitRequestIdInput!) { withdrawPermitRequest(input: $input) { ${REQUEST_FIELDS} } }`;
export const REVOKE = `mutation($input: RevokeTrafficPermitInput!) { revokeTrafficPermit(input: $input) { ${PERMIT_FIELDS} } }`;
export const QUEUE = `query($first: Int, $offset: Int) { permitQueue(first: $first, offset: $offset) { total greenTotal items { ${REQUEST_FIELDS} } } }`;
export const ONE_REQUEST = `query($id: ID!) { permitRequest(id: $id) { ${REQUEST_FIELDS} } }`;
export const MINE = `query($first: Int, $offset: Int) { myPermitRequests(first: $first, offset: $offset) { total items { ${REQUEST_FIELDS} } } }`;
export const PERMITS = `query($search: String, $first: Int, $offset: Int) { trafficPermits(search: $search, first: $first, offset: $offset) { total items { ${PERMIT_FIELDS} } } }`;
export const ONE_PERMIT = `query($idOrNumber: String!) { trafficPermit(idOrNumber: $idOrNumber) { ${PERMIT_FIELDS} } }`;

export interface Request {
  id: string;
  unitId: string;
  plate: string;
  status: string;
  greenChannel: boolean;
  driverIdMasked: string;
  requestedFrom: string;
  requestedUntil: string;
  submittedAt: string;
  question: string | null;
  answer: string | null;
  rejectionReason: string | null;
  dutyCallId: string | null;
}

export interface Permit {
  id: string;
  number: string;
  requestId: string;
  plate: string;
  validFrom: string;
  validUntil: string;
  effectiveUntil: string;
  status: string;
  revokedAt: string | null;
  revocationReason: string | null;
  driverIdMasked: string;
}

export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

export function failure(response: GraphQLResponse<unknown>): { code?: string; reason?: string; field?: string; message: string } {
  expect(response.errors, 'expected the request to fail').toBeDefined();
  const [error] = response.errors!;
  return {
    code: error!.extensions?.code,
    reason: error!.extensions?.['reason'] as string | undefined,
    field: error!.extensions?.['field'] as string | undefined,
    message: error!.message,
  };
}

/** A request's fields, the window starting an hour after `now` and lasting two days. */
export function aRequest(now: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const from = new Date(now.getTime() + HOUR);
  return {
    applicantName: '城关镇惠民超市',
    contactName: '李经理',
    contactPhone: '138 0000 0000',
    plate: '京A12345',
    vehicleType: 'BOX_TRUCK',
    driverName: '张师傅',
    driverIdNumber: '11010519491231002X',
    cargoKind: 'DAILY_NECESSITIES',
    origin: '县蔬菜批发市场',
    destinations: ['城关镇惠民超市'],
    validFrom: from.toISOString(),
    validUntil: new Date(from.getTime() + 48 * HOUR).toISOString(),
    ...overrides,
  };
}

export async function fileRequest(t: TestApp, cookie: string, now: Date, overrides: Record<string, unknown> = {}): Promise<Request> {
  return ok(await t.gql<{ filePermitRequest: Request }>(FILE, { input: aRequest(now, overrides) }, cookie)).filePermitRequest;
}

export async function unitIds(t: TestApp, cookie: string): Promise<Record<string, string>> {
  const units = ok(await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, cookie));
  return Object.fromEntries(units.memberUnits.map((u) => [u.code, u.id]));
}
