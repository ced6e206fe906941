import { expect } from 'vitest';
import type { GraphQLResponse, TestApp } from '../../support/test-app';

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
