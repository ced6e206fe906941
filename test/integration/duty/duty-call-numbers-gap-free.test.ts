import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { A_CALL, LOG, type Call } from './duty-helpers';

const LOG_NUMBER = `mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { id number } }`;

describe('duty call numbers under concurrent entries', () => {
  let t: TestApp;
  let duty: string;
  let db: pg.Client;
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

  it('gives 50 concurrent entries 50 distinct consecutive numbers of the day, without a gap', async () => {
    const before = (await db.query<{ n: number }>('select count(*)::int as n from duty_call')).rows[0]!.n;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.gql<{ logDutyCall: Call }>(LOG_NUMBER, { input: { ...A_CALL, summary: `并发来电 ${i}` } }, duty),
      ),
    );
    for (const r of responses) expect(r.errors).toBeUndefined();
    const sequences = responses.map((r) => Number(r.data!.logDutyCall.number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(50);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => before + i + 1));
    const days = new Set(responses.map((r) => r.data!.logDutyCall.number.split('-')[1]));
    expect(days.size).toBe(1);
  });

  it('does not use up a number when an entry is refused', async () => {
    const first = (await t.gql<{ logDutyCall: Call }>(LOG_NUMBER, { input: A_CALL }, duty)).data!.logDutyCall;
    const refused = await t.gql(LOG_NUMBER, { input: { ...A_CALL, unitId: '00000000-0000-4000-8000-000000000000' } }, duty);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const next = (await t.gql<{ logDutyCall: Call }>(LOG_NUMBER, { input: A_CALL }, duty)).data!.logDutyCall;
    expect(Number(next.number.split('-')[2])).toBe(Number(first.number.split('-')[2]) + 1);
  });

  it('logs a call once when the same entry is sent again with its idempotency key (a double Enter or a retry)', async () => {
    const headers = { 'idempotency-key': 'duty-call-double-enter-0001' };
    const input = { ...A_CALL, summary: '重复提交测试' };
    const [a, b] = await Promise.all([
      t.gql<{ logDutyCall: Call }>(LOG, { input }, duty, headers),
      t.gql<{ logDutyCall: Call }>(LOG, { input }, duty, headers),
    ]);
    const retry = await t.gql<{ logDutyCall: Call }>(LOG, { input }, duty, headers);
    expect([a.errors, b.errors, retry.errors]).toEqual([undefined, undefined, undefined]);
    expect(new Set([a.data!.logDutyCall.id, b.data!.logDutyCall.id, retry.data!.logDutyCall.id]).size).toBe(1);
    const rows = await db.query('select id from duty_call where summary = $1', ['重复提交测试']);
    expect(rows.rowCount).toBe(1);
  });
});
