import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atHqTime } from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createType, ok, submit, unitIds } from './daily-report-helpers';

const DAY = '2026-07-15';
const ROLLUP = `query($typeId: ID!, $day: String) { dailyReportRollup(typeId: $typeId, day: $day) {
  day dueAt counts { onTime late missing pending zero flagged } totals { key label total }
  reports { unitName late zero note values { key label number text } } missing { unitCode status } } }`;

interface Rollup {
  day: string;
  dueAt: string;
  counts: Record<string, number>;
  totals: { key: string; label: string; total: number }[];
  reports: {
    unitName: string;
    late: boolean;
    zero: boolean;
    note: string;
    values: { key: string; number: number | null; text: string | null }[];
  }[];
  missing: { unitCode: string; status: string }[];
}

describe('the day’s roll-up (工作动态) for HQ', () => {
  let t: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(atHqTime(DAY, '09:00'));
    t = await startTestApp({ clock });
  });
  afterAll(() => t?.close());

  it('lists every report with its figures, sums the number fields, and names who has not filed', async () => {
    const [coordinator, liaison, leader] = await Promise.all([t.login('coordinator'), t.login('liaison'), t.login('leader')]);
    const units = await unitIds(t, await t.login('admin'));
    const type = await createType(t, coordinator, '11:30');
    ok(
      await submit(t, liaison, {
        typeId: type.id,
        values: [
          { key: 'absentStaff', number: 2 },
          { key: 'remarks', text: '病假 2 人' },
        ],
      }),
    );
    ok(await submit(t, coordinator, { typeId: type.id, unitId: units['COMMERCE'], zero: true }));
    clock.set(atHqTime(DAY, '12:00'));
    ok(
      await submit(t, coordinator, {
        typeId: type.id,
        unitId: units['INDUSTRY'],
        values: [{ key: 'absentStaff', number: 3 }],
        note: '电话报送',
      }),
    );

    const { dailyReportRollup: rollup } = ok(await t.gql<{ dailyReportRollup: Rollup }>(ROLLUP, { typeId: type.id, day: DAY }, leader));
    expect(rollup.day).toBe(DAY);
    expect(rollup.dueAt).toBe(atHqTime(DAY, '11:30').toISOString());
    expect(rollup.counts).toEqual({ onTime: 2, late: 1, missing: 1, pending: 0, zero: 1, flagged: 0 });
    expect(rollup.totals).toEqual([{ key: 'absentStaff', label: '缺勤人数', total: 5 }]);
    expect(rollup.reports.map((r) => [r.unitName, r.late, r.zero, r.values.map((v) => v.number ?? v.text)])).toEqual([
      ['县农业农村局', false, false, [2, '病假 2 人']],
      ['县商务局', false, true, []],
      ['县工业和信息化局', true, false, [3]],
    ]);
    expect(rollup.missing).toEqual([{ unitCode: 'HEALTH', status: 'MISSING' }]);
  });
});
