import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app';
import { waitFor } from '../alerts/alert-support';

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
