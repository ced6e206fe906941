import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { intake, ok, openDesk, stockAt, type Desk } from './requisition-helpers';

const FIELDS = `id stage version endedAt steps { stage note byName } supportRequests { id quantity received status closingIntakeId }`;
const OPEN = `mutation($input: OpenCallUpInput!) { openCallUp(input: $input) { ${FIELDS} } }`;
const ADVANCE = `mutation($input: AdvanceCallUpInput!) { advanceCallUp(input: $input) { ${FIELDS} } }`;
const REQUEST = `mutation($input: RequestSupplySupportInput!) { requestSupplySupport(input: $input) { ${FIELDS} } }`;
const RECORD = `mutation($input: RecordSupportIntakeInput!) { recordSupportIntake(input: $input) { ${FIELDS} } }`;

interface CallUp {
  id: string;
  stage: string;
  version: number;
  endedAt: string | null;
  steps: { stage: string; note: string; byName: string }[];
  supportRequests: { id: string; quantity: number; received: number; status: string; closingIntakeId: string | null }[];
}

describe('an emergency call-up runs own stock → request support → emergency support → ended (plan 5)', () => {
  let t: TestApp;
  let desk: Desk;
  beforeAll(async () => {
    t = await startTestApp();
    desk = await openDesk(t);
  });
  afterAll(async () => {
    await desk?.db.end();
    await t?.close();
  });

  it('records each step, tracks a request to the level above until the intakes that cover it, and only then ends', async () => {
    const { itemId, depotIds } = await stockAt(desk, [{ quantity: 10, km: 1 }]);
    const opened = ok(
      await t.gql<{ openCallUp: CallUp }>(OPEN, { input: { title: '城关镇突发疫情', note: '动用县仓库库存 10 套' } }, desk.logistics),
    ).openCallUp;
    expect(opened.stage).toBe('OWN_STOCK');
    // Own stock first: no request to the level above before asking for support, no skipping a step.
    const early = await t.gql(REQUEST, { input: { callUpId: opened.id, itemId, quantity: 100, askedOf: '市工信局' } }, desk.logistics);
    expect(early.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const skip = await t.gql(ADVANCE, { input: { callUpId: opened.id, stage: 'EMERGENCY_SUPPORT', note: '直接紧急支援' } }, desk.logistics);
    expect(skip.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');

    ok(
      await t.gql(
        ADVANCE,
        { input: { callUpId: opened.id, stage: 'SUPPORT_REQUESTED', note: '库存不足，请求市工信局支援' } },
        desk.logistics,
      ),
    );
    const asked = ok(
      await t.gql<{ requestSupplySupport: CallUp }>(
        REQUEST,
        { input: { callUpId: opened.id, itemId, quantity: 100, askedOf: '市工信局' } },
        desk.leader,
      ),
    ).requestSupplySupport;
    const requestId = asked.supportRequests[0]!.id;

    // Not ended while the request is open.
    const tooSoon = await t.gql(ADVANCE, { input: { callUpId: opened.id, stage: 'ENDED', note: '结束' } }, desk.logistics);
    expect(tooSoon.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'callUp/open_requests' });

    // A donation does not count; allocations from above do, until covered.
    const donation = await intake(desk, itemId, depotIds[0]!, 100, 'DONATION');
    expect((await t.gql(RECORD, { input: { requestId, intakeId: donation } }, desk.logistics)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const first = await intake(desk, itemId, depotIds[0]!, 60, 'ALLOCATION_FROM_ABOVE');
    const partly = ok(
      await t.gql<{ recordSupportIntake: CallUp }>(RECORD, { input: { requestId, intakeId: first } }, desk.logistics),
    ).recordSupportIntake;
    expect(partly.supportRequests[0]).toMatchObject({ received: 60, status: 'OPEN' });
    expect((await t.gql(RECORD, { input: { requestId, intakeId: first } }, desk.logistics)).errors).toBeDefined();
    const second = await intake(desk, itemId, depotIds[0]!, 40, 'ALLOCATION_FROM_ABOVE');
    const closed = ok(
      await t.gql<{ recordSupportIntake: CallUp }>(RECORD, { input: { requestId, intakeId: second } }, desk.logistics),
    ).recordSupportIntake;
    expect(closed.supportRequests[0]).toMatchObject({ received: 100, status: 'CLOSED_BY_INTAKE', closingIntakeId: second });

    const ended = ok(
      await t.gql<{ advanceCallUp: CallUp }>(
        ADVANCE,
        { input: { callUpId: opened.id, stage: 'ENDED', note: '物资到位，响应结束' } },
        desk.logistics,
      ),
    ).advanceCallUp;
    expect(ended.stage).toBe('ENDED');
    expect(ended.endedAt).not.toBeNull();
    expect(ended.steps.map((s) => s.stage)).toEqual(['OWN_STOCK', 'SUPPORT_REQUESTED', 'ENDED']);

    // The steps are a record: the database refuses to change one.
    await expect(desk.db.query(`update call_up_step set note = 'x' where call_up_id = $1`, [opened.id])).rejects.toThrow(/append-only/);
  });
});
