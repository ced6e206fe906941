import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { decide, fileRequisition, LIST, ok, ONE, openDesk, stockAt, WITHDRAW, type Desk, type Requisition } from './requisition-helpers';

describe('a requisition is approved in full, in part or rejected, by logistics, for the liaison’s own unit', () => {
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

  it('is filed by a liaison for their unit, attesting the unit head’s signature, and waits in the queue', async () => {
    const { itemId } = await stockAt(desk, [{ quantity: 500, km: 3 }]);
    const unsigned = await t.gql(
      `mutation($input: FileRequisitionInput!) { fileRequisition(input: $input) { id } }`,
      {
        input: {
          lines: [{ itemId, quantity: 10 }],
          purpose: '防护',
          urgency: 'ROUTINE',
          headName: '王局长',
          headSigned: false,
          deliverTo: '县农业农村局',
        },
      },
      desk.liaison,
    );
    expect(unsigned.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'headSigned' });
    const filed = await fileRequisition(desk, [{ itemId, quantity: 10 }]);
    expect(filed).toMatchObject({ status: 'SUBMITTED', unitId: desk.unitId });
    expect(filed.number).toMatch(/^RQ-\d{8}-\d{3}$/);
    const queue = ok(await t.gql<{ requisitions: { id: string }[] }>(LIST, { status: ['SUBMITTED'] }, desk.logistics)).requisitions;
    expect(queue.map((r) => r.id)).toContain(filed.id);
    // HQ staff cannot file (the policy), a liaison cannot decide.
    expect((await decide({ ...desk, logistics: desk.liaison }, filed, [10])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('approves in part with a reason: the lines say what was approved, and only that leaves on an order', async () => {
    const { itemId } = await stockAt(desk, [{ quantity: 500, km: 3 }]);
    const filed = await fileRequisition(desk, [{ itemId, quantity: 200 }]);
    const noReason = await decide(desk, filed, [120]);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const tooMuch = await decide(desk, filed, [201], 'x');
    expect(tooMuch.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const decided = ok(await decide(desk, filed, [120], '库存紧张，先保障一线')).decideRequisition;
    expect(decided).toMatchObject({ status: 'PARTIALLY_APPROVED', decisionReason: '库存紧张，先保障一线' });
    expect(decided.lines[0]).toMatchObject({ requested: 200, approved: 120 });
    expect(decided.shipments).toHaveLength(1);
    expect(decided.shipments[0]!.lines).toEqual([{ itemId, quantity: 120 }]);
    // Decided once: a second decision is refused.
    expect((await decide(desk, decided, [200])).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('rejects with a reason and ships nothing', async () => {
    const { itemId } = await stockAt(desk, [{ quantity: 50, km: 3 }]);
    const filed = await fileRequisition(desk, [{ itemId, quantity: 10 }]);
    expect((await decide(desk, filed, [0])).errors?.[0]?.extensions).toMatchObject({ field: 'reason' });
    const rejected = ok(await decide(desk, filed, [0], '非防控用途')).decideRequisition;
    expect(rejected).toMatchObject({ status: 'REJECTED', shipments: [] });
    const { rows } = await desk.db.query('select count(*)::int as n from dispatch_order where requisition_id = $1', [filed.id]);
    expect(rows[0].n).toBe(0);
  });

  it('lets the liaison withdraw an undecided one, and shows a liaison only their own unit’s', async () => {
    const { itemId } = await stockAt(desk, [{ quantity: 50, km: 3 }]);
    const filed = await fileRequisition(desk, [{ itemId, quantity: 10 }]);
    const withdrawn = ok(
      await t.gql<{ withdrawRequisition: Requisition }>(WITHDRAW, { input: { requisitionId: filed.id } }, desk.liaison),
    ).withdrawRequisition;
    expect(withdrawn.status).toBe('WITHDRAWN');

    // A liaison of another unit: not found, and not listed.
    const { memberUnits } = ok(await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, desk.admin));
    const health = memberUnits.find((u) => u.code === 'HEALTH')!.id;
    ok(
      await t.gql(
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        {
          input: {
            username: 'health-liaison',
            displayName: '卫健联络员',
            password: 'actor-password-1',
            roles: ['UNIT_LIAISON'],
            unitId: health,
          },
        },
        desk.admin,
      ),
    );
    const other = await t.login('health-liaison', 'actor-password-1');
    const seen = await t.gql(ONE, { id: filed.id }, other);
    expect(seen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = ok(await t.gql<{ requisitions: { id: string; unitId: string }[] }>(LIST, {}, other)).requisitions;
    expect(list.every((r) => r.unitId === health)).toBe(true);
    expect((await t.gql(WITHDRAW, { input: { requisitionId: filed.id } }, other)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
