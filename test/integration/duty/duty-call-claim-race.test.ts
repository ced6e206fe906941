import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createPerson } from '../dispatch/dispatch-helpers';
import { CLAIM, logCall, type Call } from './duty-helpers';

describe('two (or more) officers on duty pick up the same call', () => {
  let t: TestApp;
  let officers: { cookie: string; name: string }[];
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    officers = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const name = `值班员 ${i + 1}`;
        return { name, cookie: await createPerson(t, admin, { username: `officer-${i + 1}`, displayName: name, roles: ['DUTY_OFFICER'] }) };
      }),
    );
  });
  afterAll(() => t?.close());

  it('lets exactly one claim win; every other is told, by name, who holds the call', async () => {
    const call = await logCall(t, officers[0]!.cookie);
    const responses = await Promise.all(
      officers.map((o) => t.gql<{ claimDutyCall: Call }>(CLAIM, { input: { callId: call.id } }, o.cookie)),
    );
    const winners = responses.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    const holder = winners[0]!.data!.claimDutyCall.claimedBy!.displayName;
    for (const lost of responses.filter((r) => r.errors)) {
      expect(lost.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'dutyCall/already_claimed', claimedBy: holder });
      expect(lost.errors![0]!.message).toContain(holder);
    }
  });

  it('audits the claim like every change (a bare conditional UPDATE had slipped past the audit trail)', async () => {
    const call = await logCall(t, officers[1]!.cookie);
    expect((await t.gql(CLAIM, { input: { callId: call.id } }, officers[1]!.cookie)).errors).toBeUndefined();
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ after: { claimedByName?: string } }>(
        `select after from audit_record where entity_type = 'DutyCall' and entity_id = $1 and operation = 'claimDutyCall'`,
        [call.id],
      );
      expect(rows.map((r) => r.after.claimedByName)).toEqual([officers[1]!.name]);
    } finally {
      await db.end();
    }
  });
});
