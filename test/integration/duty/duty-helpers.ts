import { expect } from 'vitest';
import type { GraphQLResponse, TestApp } from '../../support/test-app';
import { waitFor } from '../alerts/alert-support';

/** What the duty integration tests read back; field names as in shared/schema.graphql. */
export const CALL_FIELDS = `id number status version receivedAt loggedAt callerName callerPhone unitText category urgency summary notes
  claimedAt forwardedAt closedAt loggedBy { id displayName } claimedBy { id displayName } unit { id code }
  forwards { id callId targetGroup targetUnit { id code } note forwardedAt forwardedBy { displayName } acknowledgedAt acknowledgedBy { displayName } acknowledgementNote }
  outcomes { id kind entityId label createdBy { displayName } }
  corrections { id field previousValue newValue reason correctedBy { displayName } }`;

export interface Call {
  id: string;
  number: string;
  status: string;
  version: number;
  receivedAt: string;
  callerName: string;
  callerPhone: string | null;
  unitText: string | null;
  category: string;
  urgency: string;
  summary: string;
  notes: string | null;
  claimedBy: { id: string; displayName: string } | null;
  forwardedAt: string | null;
  forwards: {
    id: string;
    callId: string;
    targetGroup: string | null;
    targetUnit: { id: string; code: string } | null;
    acknowledgedAt: string | null;
    acknowledgedBy: { displayName: string } | null;
  }[];
  outcomes: { id: string; kind: string; entityId: string; label: string }[];
  corrections: { id: string; field: string; previousValue: string | null; newValue: string | null; reason: string }[];
}

export const LOG = `mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { ${CALL_FIELDS} } }`;
export const FORWARD = `mutation($input: ForwardDutyCallInput!) { forwardDutyCall(input: $input) { ${CALL_FIELDS} } }`;
export const ACKNOWLEDGE = `mutation($input: AcknowledgeDutyForwardInput!) { acknowledgeDutyForward(input: $input) { ${CALL_FIELDS} } }`;
export const CLAIM = `mutation($input: ClaimDutyCallInput!) { claimDutyCall(input: $input) { ${CALL_FIELDS} } }`;
export const CORRECT = `mutation($input: CorrectDutyCallInput!) { correctDutyCall(input: $input) { ${CALL_FIELDS} } }`;
export const TO_INCIDENT = `mutation($input: ConvertDutyCallToIncidentInput!) { convertDutyCallToIncident(input: $input) { ${CALL_FIELDS} } }`;
export const ONE = `query($id: ID!) { dutyCall(id: $id) { ${CALL_FIELDS} } }`;
export const DUTY_LOG = `query($filter: DutyLogFilter, $first: Int, $offset: Int) { dutyLog(filter: $filter, first: $first, offset: $offset) { total day items { id number callerName status } } }`;

export const A_CALL = {
  callerName: '王村医',
  callerPhone: '13800000000',
  unitText: '城关镇卫生院',
  category: 'EPIDEMIC_REPORT',
  urgency: 'URGENT',
  summary: '发热病人 2 名，请求转运',
};

export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

export async function logCall(t: TestApp, cookie: string, input: Record<string, unknown> = {}): Promise<Call> {
  return ok(await t.gql<{ logDutyCall: Call }>(LOG, { input: { ...A_CALL, ...input } }, cookie)).logDutyCall;
}

export async function unitIds(t: TestApp, cookie: string): Promise<Record<string, string>> {
  const units = ok(await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, cookie));
  return Object.fromEntries(units.memberUnits.map((u) => [u.code, u.id]));
}

/** What the duty integration tests read back; field names as in shared/schema.graphql. */
export const INSTRUCTION_FIELDS = `id source content priority receivedAt fullyAcknowledgedAt version recordedBy { displayName }
  deliveries { id targetGroup targetUnitId targetUnitName acknowledgedAt acknowledgedBy { displayName } acknowledgementNote canAcknowledge }`;

export interface Delivery {
  id: string;
  targetGroup: string | null;
  targetUnitId: string | null;
  targetUnitName: string;
  acknowledgedAt: string | null;
  acknowledgedBy: { displayName: string } | null;
  acknowledgementNote: string;
  canAcknowledge: boolean;
}

export interface Instruction {
  id: string;
  source: string;
  content: string;
  priority: string;
  receivedAt: string;
  fullyAcknowledgedAt: string | null;
  version: number;
  recordedBy: { displayName: string } | null;
  deliveries: Delivery[];
}

export async function recordInstruction(
  t: TestApp,
  cookie: string,
  targets: { group?: string; unitId?: string }[],
  extra: Record<string, unknown> = {},
): Promise<Instruction> {
  const response = await t.gql<{ recordHqInstruction: Instruction }>(
    `mutation($input: RecordHqInstructionInput!) { recordHqInstruction(input: $input) { ${INSTRUCTION_FIELDS} } }`,
    { input: { source: '指挥部', content: '今晚起各检疫点实行双人值守', priority: 'URGENT', targets, ...extra } },
    cookie,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.recordHqInstruction;
}

export function acknowledge(t: TestApp, cookie: string, deliveryId: string, note?: string) {
  return t.gql<{ acknowledgeHqInstruction: Instruction }>(
    `mutation($input: AcknowledgeHqInstructionInput!) { acknowledgeHqInstruction(input: $input) { ${INSTRUCTION_FIELDS} } }`,
    { input: { deliveryId, note } },
    cookie,
  );
}

export function readInstruction(t: TestApp, cookie: string, id: string) {
  return t.gql<{ hqInstruction: Instruction }>(`query($id: ID!) { hqInstruction(id: $id) { ${INSTRUCTION_FIELDS} } }`, { id }, cookie);
}

export async function unitIdOf(t: TestApp, cookie: string, code: string): Promise<string> {
  const response = await t.gql<{ hqInstructionUnits: { id: string; code: string }[] }>('{ hqInstructionUnits { id code } }', {}, cookie);
  expect(response.errors).toBeUndefined();
  return response.data!.hqInstructionUnits.find((u) => u.code === code)!.id;
}

export const HANDOVER_FIELDS = `id shiftStartedAt shiftEndsAt generatedAt note previousId closedAt version
  outgoingSignedBy { displayName } incomingSignedBy { displayName }
  items { kind code label severity module carriedOver dueAt target { entityType entityId } }`;

export interface HandoverItem {
  kind: string;
  code: string | null;
  label: string;
  severity: string;
  module: string;
  carriedOver: boolean;
  dueAt: string | null;
  target: { entityType: string; entityId: string } | null;
}

export interface Handover {
  id: string;
  shiftStartedAt: string;
  shiftEndsAt: string;
  generatedAt: string;
  note: string;
  previousId: string | null;
  closedAt: string | null;
  version: number;
  outgoingSignedBy: { displayName: string } | null;
  incomingSignedBy: { displayName: string } | null;
  items: HandoverItem[];
}

export function generateHandover(t: TestApp, cookie: string, input: Record<string, unknown> = {}) {
  return t.gql<{ generateShiftHandover: Handover }>(
    `mutation($input: GenerateShiftHandoverInput!) { generateShiftHandover(input: $input) { ${HANDOVER_FIELDS} } }`,
    { input },
    cookie,
  );
}

export function signHandover(t: TestApp, cookie: string, handoverId: string, role: 'OUTGOING' | 'INCOMING') {
  return t.gql<{ signShiftHandover: Handover }>(
    `mutation($input: SignShiftHandoverInput!) { signShiftHandover(input: $input) { ${HANDOVER_FIELDS} } }`,
    { input: { handoverId, role } },
    cookie,
  );
}

/**
 * The hub's newest position once it has delivered everything committed so far: a subscriber
 * resuming after it receives exactly what the test does next (the hub hands events on a moment
 * after their commit, so a bare livePosition read may still lie before the last test's events).
 */
export async function caughtUpPosition(t: TestApp, cookie: string): Promise<bigint> {
  const [row] = await t.app.orm.em.fork().execute<{ max: string | null }[]>('select max(position)::text as max from event');
  const committed = BigInt(row?.max ?? '0');
  return waitFor(async () => {
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, cookie);
    const position = BigInt(data!.livePosition);
    return position >= committed ? position : undefined;
  }, 'the event hub to catch up');
}
