import type { TestApp } from '../../support/test-app';
import { createOrder, readBoard, type BoardVehicle } from '../dispatch/dispatch-helpers';
import { APPROVE, fileRequest, ok, type Permit } from './permits-helpers';

const HOUR = 3600_000;

export const ASSIGNMENT_PERMIT = `permit { expectedEndAt attachedByName permit { id number plate cargoKind validUntil valid } }`;
export const ATTACH = `mutation($input: AttachPermitInput!) { attachPermitToAssignment(input: $input) { id ${ASSIGNMENT_PERMIT} } }`;
export const GRANT = `mutation($input: GrantStandingPermitInput!) { grantStandingPermit(input: $input) {
  id plate standingPermit { grantedByName permit { id number valid validUntil } } } }`;
export const WITHDRAW_STANDING = `mutation($input: WithdrawStandingPermitInput!) { withdrawStandingPermit(input: $input) { id standingPermit { grantedAt } } }`;
export const ATTACHABLE = `query($id: ID!) { attachablePermits(assignmentId: $id) { id number cargoKind } }`;
export const SUGGEST = `query($id: ID!) { suggestVehicles(orderId: $id) { suggestions { recommended vehicle { id plate } } } }`;
const ASSIGN = `mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { id number version assignments { id vehicleId } } }`;

export interface IssueOptions {
  plate: string;
  cargoKind?: string;
  origin?: string;
  destinations?: string[];
  /** From `now` (the permit's start may be up to an hour before filing). */
  fromHours?: number;
  hours?: number;
  confirm?: { confirmOverlap: boolean; overlapReason: string };
}

/** A permit filed by the unit liaison and approved by the dispatcher: issued, valid from `fromHours` for `hours`. */
export async function issuePermit(
  t: TestApp,
  cookies: { liaison: string; dispatcher: string },
  now: Date,
  o: IssueOptions,
): Promise<Permit> {
  const from = new Date(now.getTime() + (o.fromHours ?? -0.5) * HOUR);
  const request = await fileRequest(t, cookies.liaison, now, {
    plate: o.plate,
    cargoKind: o.cargoKind ?? 'EPIDEMIC_SUPPLIES',
    origin: o.origin ?? '县应急物资储备库',
    destinations: o.destinations ?? ['城关交通检疫点'],
    validFrom: from.toISOString(),
    validUntil: new Date(from.getTime() + (o.hours ?? 24) * HOUR).toISOString(),
  });
  const input = { requestId: request.id, ...(o.confirm ?? {}) };
  return ok(await t.gql<{ approvePermitRequest: Permit }>(APPROVE, { input }, cookies.dispatcher)).approvePermitRequest;
}

/** A new epidemic-supplies order with the vehicle of that plate on it; the vehicle's assignment id. */
export async function jobFor(
  t: TestApp,
  dispatcher: string,
  plate: string,
  order: Record<string, unknown> = {},
): Promise<{ orderId: string; orderNumber: string; assignmentId: string; version: number }> {
  const vehicle = await vehicleOf(t, dispatcher, plate);
  const created = await createOrder(t, dispatcher, { cargoKind: 'EPIDEMIC_SUPPLIES', cargoAmount: 1, ...order });
  const assigned = ok(
    await t.gql<{ assignVehicles: { id: string; number: string; version: number; assignments: { id: string; vehicleId: string }[] } }>(
      ASSIGN,
      { input: { orderId: created.id, vehicleIds: [vehicle.id] } },
      dispatcher,
    ),
  ).assignVehicles;
  const assignment = assigned.assignments.find((a) => a.vehicleId === vehicle.id)!;
  return { orderId: assigned.id, orderNumber: assigned.number, assignmentId: assignment.id, version: assigned.version };
}

export async function vehicleOf(t: TestApp, cookie: string, plate: string): Promise<BoardVehicle> {
  const board = await readBoard(t, cookie);
  const vehicle = board.companies.flatMap((c) => c.vehicles).find((v) => v.plate === plate);
  if (!vehicle) throw new Error(`no vehicle ${plate} on the board`);
  return vehicle;
}
