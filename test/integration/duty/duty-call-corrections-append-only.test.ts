import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { CORRECT, logCall, ok, type Call } from './duty-helpers';

describe('corrections of a duty call are append-only', () => {
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

  it('keeps every correction, oldest first, and shows the latest value of each field on the call', async () => {
    const call = await logCall(t, duty);
    const correct = (field: string, value: string | null, reason: string) =>
      t.gql<{ correctDutyCall: Call }>(CORRECT, { input: { callId: call.id, field, value, reason } }, duty);
    ok(await correct('callerPhone', '13900000000', '记错号码'));
    ok(await correct('urgency', 'CRITICAL', '病人情况恶化'));
    const last = ok(await correct('callerPhone', '010-6000 0000', '来电人给了座机')).correctDutyCall;
    expect(last).toMatchObject({ callerPhone: '010-6000 0000', urgency: 'CRITICAL' });
    expect(last.corrections.map((c) => [c.field, c.previousValue, c.newValue])).toEqual([
      ['callerPhone', '138 0000 0000', '139 0000 0000'],
      ['urgency', 'URGENT', 'CRITICAL'],
      ['callerPhone', '139 0000 0000', '010-6000 0000'],
    ]);
  });

  it('lists corrections sent at once in the order they were applied, so the latest is the value the call holds', async () => {
    for (let round = 0; round < 5; round++) {
      const call = await logCall(t, duty);
      // Sent together: each request reads the clock before one waits for another's lock.
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t.gql<{ correctDutyCall: Call }>(
            CORRECT,
            { input: { callId: call.id, field: 'summary', value: `同时更正 ${round}-${i}`, reason: '并发更正' } },
            duty,
          ),
        ),
      );
      expect(answers.every((a) => a.errors === undefined)).toBe(true);
      const { rows } = await db.query<{ previous_value: string; new_value: string; corrected_at: Date }>(
        `select previous_value, new_value, corrected_at from duty_call_correction where call_id = $1 order by corrected_at, id`,
        [call.id],
      );
      const current = await db.query<{ summary: string }>('select summary from duty_call where id = $1', [call.id]);
      expect(rows).toHaveLength(12);
      expect(rows.at(-1)!.new_value).toBe(current.rows[0]!.summary);
      // Each correction's "previous value" is the one before it: the history is one chain.
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.previous_value).toBe(rows[i - 1]!.new_value);
      const stamps = rows.map((r) => r.corrected_at.getTime());
      expect(new Set(stamps).size, 'two corrections of one call share a time').toBe(stamps.length);
    }
  });

  it('refuses a field that is not correctable, and a correction without a reason', async () => {
    const call = await logCall(t, duty);
    const number = await t.gql(CORRECT, { input: { callId: call.id, field: 'number', value: 'ZB-20200101-001', reason: '改号' } }, duty);
    expect(number.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'dutyCall/not_correctable' });
    const noReason = await t.gql(CORRECT, { input: { callId: call.id, field: 'summary', value: '新摘要', reason: ' ' } }, duty);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('is enforced by the database: a direct UPDATE or DELETE of a correction is refused', async () => {
    const call = await logCall(t, duty);
    ok(await t.gql(CORRECT, { input: { callId: call.id, field: 'summary', value: '改后的摘要', reason: '更正' } }, duty));
    await expect(db.query(`update duty_call_correction set new_value = 'tampered' where call_id = $1`, [call.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`delete from duty_call_correction where call_id = $1`, [call.id])).rejects.toThrow(/append-only/);
    const { rows } = await db.query<{ new_value: string }>('select new_value from duty_call_correction where call_id = $1', [call.id]);
    expect(rows).toEqual([{ new_value: '改后的摘要' }]);
  });
});
