import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TO_INCIDENT, logCall, ok, type Call } from './duty-helpers';

const TO_ORDER = `mutation($input: ConvertDutyCallToDispatchOrderInput!) {
  convertDutyCallToDispatchOrder(input: $input) { id outcomes { kind entityId label } } }`;
const ORDER_INPUT = {
  cargoKind: 'MEDICAL_TRANSFER',
  cargoAmount: 2,
  cargoUnit: 'PERSONS',
  origin: '城关镇卫生院',
  destination: '县人民医院发热门诊',
  requestingGroup: 'DUTY',
};

describe('a call turned into an incident or a dispatch order: both records and both links, or nothing', () => {
  let t: TestApp;
  let duty: string;
  let db: pg.Client;
  const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
  beforeAll(async () => {
    t = await startTestApp();
    duty = await t.login('duty');
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('writes the incident, the outcome and both links together', async () => {
    const call = await logCall(t, duty);
    const converted = ok(
      await t.gql<{ convertDutyCallToIncident: Call }>(
        TO_INCIDENT,
        { input: { callId: call.id, title: '发热病人', incidentClass: 'B' } },
        duty,
      ),
    ).convertDutyCallToIncident;
    const incidentId = converted.outcomes[0]!.entityId;
    expect(await count('select count(*)::int as n from incident where id = $1 and source_call_id = $2', [incidentId, call.id])).toBe(1);
    const order = ok(
      await t.gql<{ convertDutyCallToDispatchOrder: Call }>(TO_ORDER, { input: { ...ORDER_INPUT, callId: call.id } }, duty),
    ).convertDutyCallToDispatchOrder;
    const orderOutcome = order.outcomes.find((o) => o.kind === 'DISPATCH_ORDER')!;
    expect(
      await count('select count(*)::int as n from dispatch_order where id = $1 and call_id = $2', [orderOutcome.entityId, call.id]),
    ).toBe(1);
    const read = ok(
      await t.gql<{ dispatchOrder: { call: { id: string } } }>(
        'query($id: ID!) { dispatchOrder(id: $id) { call { id } } }',
        { id: orderOutcome.entityId },
        duty,
      ),
    );
    expect(read.dispatchOrder.call.id).toBe(call.id);
  });

  it('writes nothing at all when the outcome cannot be written after the incident was', async () => {
    const call = await logCall(t, duty);
    const incidentsBefore = await count('select count(*)::int as n from incident');
    const eventsBefore = await count(`select count(*)::int as n from event where topic = 'incident'`);
    // A real failure inside the transaction, after the incident row and its timeline are written.
    await db.query(`create function refuse_outcome() returns trigger language plpgsql as $$
      begin raise exception 'outcome refused for the test'; end $$`);
    await db.query('create trigger refuse_outcome before insert on duty_call_outcome for each row execute function refuse_outcome()');
    try {
      const failed = await t.gql(TO_INCIDENT, { input: { callId: call.id, title: '不应留下的事件', incidentClass: 'A' } }, duty);
      expect(failed.errors).toBeDefined();
      const failedOrder = await t.gql(TO_ORDER, { input: { ...ORDER_INPUT, callId: call.id } }, duty);
      expect(failedOrder.errors).toBeDefined();
    } finally {
      await db.query('drop trigger refuse_outcome on duty_call_outcome');
      await db.query('drop function refuse_outcome()');
    }
    expect(await count('select count(*)::int as n from incident')).toBe(incidentsBefore);
    expect(await count(`select count(*)::int as n from incident where title = '不应留下的事件'`)).toBe(0);
    expect(await count('select count(*)::int as n from dispatch_order where call_id = $1', [call.id])).toBe(0);
    expect(await count('select count(*)::int as n from duty_call_outcome where call_id = $1', [call.id])).toBe(0);
    expect(await count(`select count(*)::int as n from event where topic = 'incident'`)).toBe(eventsBefore);
  });
});
