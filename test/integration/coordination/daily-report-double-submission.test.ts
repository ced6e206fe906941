import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atHqTime } from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { AMEND, createType, ok, submit, typeBoard, type Report } from './daily-report-helpers';

const DAY = '2026-04-10';
const AUDIT = `query($filter: AuditFilter) { auditRecords(filter: $filter, first: 50) { records { operation entityType entityId change before after actorUsername } } }`;

describe('one report per unit, type and day: a second is a typed conflict; a change is an amendment with a reason, kept and audited', () => {
  let t: TestApp;
  let clock: ManualClock;
  let liaison: string;
  let leader: string;
  let coordinator: string;

  beforeAll(async () => {
    clock = new ManualClock(atHqTime(DAY, '09:00'));
    t = await startTestApp({ clock });
    [liaison, leader, coordinator] = await Promise.all([t.login('liaison'), t.login('leader'), t.login('coordinator')]);
  });
  afterAll(() => t?.close());

  it('refuses a second submission naming the first, and two at once file exactly one', async () => {
    const type = await createType(t, coordinator, '16:00');
    const first = ok(await submit(t, liaison, { typeId: type.id, values: [{ key: 'absentStaff', number: 3 }] })).submitDailyReport;
    const second = await submit(t, liaison, { typeId: type.id, zero: true });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'daily_report/already_filed', reportId: first.id });
    expect(second.errors?.[0]?.message).toContain('amend');

    const racing = await createType(t, coordinator, '16:00');
    const answers = await Promise.all(
      [1, 2, 3].map((n) => submit(t, liaison, { typeId: racing.id, values: [{ key: 'absentStaff', number: n }] })),
    );
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    expect(answers.filter((a) => a.errors).map((a) => a.errors![0]!.extensions!['code'])).toEqual(['CONFLICT', 'CONFLICT']);
    expect((await typeBoard(t, coordinator, racing.id, DAY)).units.filter((u) => u.reportId)).toHaveLength(1);
  });

  it('an amendment needs a reason and the version seen; it keeps the previous content, stays late if late, and is audited', async () => {
    const type = await createType(t, coordinator, '11:30');
    clock.set(atHqTime(DAY, '12:00'));
    const filed = ok(await submit(t, liaison, { typeId: type.id, zero: true })).submitDailyReport;
    expect(filed.late).toBe(true);

    const withoutReason = await t.gql(
      AMEND,
      {
        input: {
          reportId: filed.id,
          expectedVersion: filed.version,
          zero: false,
          values: [{ key: 'absentStaff', number: 2 }],
          reason: ' ',
        },
      },
      liaison,
    );
    expect(withoutReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const stale = await t.gql(
      AMEND,
      { input: { reportId: filed.id, expectedVersion: filed.version + 5, zero: true, reason: '重复' } },
      liaison,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'daily_report/stale' });

    const amended = ok(
      await t.gql<{ amendDailyReport: Report }>(
        AMEND,
        {
          input: {
            reportId: filed.id,
            expectedVersion: filed.version,
            zero: false,
            values: [{ key: 'absentStaff', number: 2 }],
            note: '2 人病假',
            reason: '漏报缺勤人员',
          },
        },
        liaison,
      ),
    ).amendDailyReport;
    expect(amended).toMatchObject({ id: filed.id, zero: false, late: true, amendmentCount: 1, note: '2 人病假' });
    expect(amended.values).toEqual([{ key: 'absentStaff', label: '缺勤人数', kind: 'NUMBER', number: 2, text: null }]);

    const { data } = await t.gql<{
      dailyReport: {
        amendments: {
          reason: string;
          previousZero: boolean;
          newValues: { key: string; number: number }[];
          amendedBy: { displayName: string };
        }[];
      };
    }>(
      `query($id: ID!) { dailyReport(id: $id) { amendments { reason previousZero newValues { key number } amendedBy { displayName } } } }`,
      { id: filed.id },
      coordinator,
    );
    expect(data!.dailyReport.amendments).toEqual([
      {
        reason: '漏报缺勤人员',
        previousZero: true,
        newValues: [{ key: 'absentStaff', number: 2 }],
        amendedBy: { displayName: '刘联络 (联络员)' },
      },
    ]);

    const audit = ok(
      await t.gql<{ auditRecords: { records: { operation: string; entityType: string; change: string }[] } }>(
        AUDIT,
        { filter: { operation: 'amendDailyReport' } },
        leader,
      ),
    );
    expect(audit.auditRecords.records.map((r) => `${r.entityType}:${r.change}`).sort()).toEqual([
      'DailyReport:UPDATE',
      'DailyReportAmendment:CREATE',
    ]);
  });

  it('the amendment history cannot be rewritten, even in the database', async () => {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await expect(client.query(`update daily_report_amendment set reason = 'x'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`delete from daily_report_amendment`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
