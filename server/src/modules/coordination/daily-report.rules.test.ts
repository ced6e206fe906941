import { describe, expect, it } from 'vitest';
import { dailyReportStatus, isReportableDay, atHqTime } from '@cc/shared';
import { cleanReportType, cleanReportValues, isConcealmentSuspect, numberTotals } from './daily-report.rules';

const FIELDS = [
  { key: 'absentStaff', label: '缺勤人数', kind: 'NUMBER' as const },
  { key: 'remarks', label: '情况说明', kind: 'TEXT' as const },
];

describe('daily report rules', () => {
  it('judges a unit on time up to the due instant, late after it, and missing from it', () => {
    const day = '2026-03-02';
    expect(dailyReportStatus(day, '16:00', atHqTime(day, '16:00'), atHqTime(day, '18:00'))).toBe('ON_TIME');
    expect(dailyReportStatus(day, '16:00', new Date(atHqTime(day, '16:00').getTime() + 1), atHqTime(day, '18:00'))).toBe('LATE');
    expect(dailyReportStatus(day, '16:00', null, new Date(atHqTime(day, '16:00').getTime() - 1))).toBe('PENDING');
    expect(dailyReportStatus(day, '16:00', null, atHqTime(day, '16:00'))).toBe('MISSING');
  });

  it('takes today at HQ and up to a week back, never a day ahead', () => {
    const now = atHqTime('2026-03-10', '00:30'); // still 03-09 in UTC
    expect(isReportableDay('2026-03-10', now)).toBe(true);
    expect(isReportableDay('2026-03-03', now)).toBe(true);
    expect(isReportableDay('2026-03-02', now)).toBe(false);
    expect(isReportableDay('2026-03-11', now)).toBe(false);
  });

  it('refuses a due time that is not HH:mm and a field key used twice, with the field named', () => {
    expect(() => cleanReportType({ name: '日报', dueTime: '16:00:00', fields: [] })).toThrow(/HH:mm/);
    expect(() => cleanReportType({ name: '日报', dueTime: '24:00', fields: [] })).toThrow(/HH:mm/);
    expect(() => cleanReportType({ name: '日报', dueTime: '16:00', fields: [FIELDS[0]!, FIELDS[0]!] })).toThrow(/used twice/);
    expect(cleanReportType({ code: ' daily_progress ', name: ' 日调度 ', dueTime: '16:00', fields: FIELDS })).toMatchObject({
      code: 'DAILY_PROGRESS',
      name: '日调度',
    });
  });

  it('keeps a zero report empty and a report with figures honest', () => {
    expect(cleanReportValues(FIELDS, true, [], ' ')).toEqual({ values: {}, note: '' });
    expect(() => cleanReportValues(FIELDS, true, [{ key: 'absentStaff', number: 1 }], '')).toThrow(/zero report/);
    expect(() => cleanReportValues(FIELDS, false, [], '')).toThrow(/zero report/);
    expect(() => cleanReportValues(FIELDS, false, [{ key: 'absentStaff', number: -1 }], '')).toThrow(/whole number/);
    expect(() => cleanReportValues(FIELDS, false, [{ key: 'absentStaff', number: 1.5 }], '')).toThrow(/whole number/);
    expect(() => cleanReportValues(FIELDS, false, [{ key: 'nope', number: 1 }], '')).toThrow(/no field “nope”/);
    expect(
      cleanReportValues(
        FIELDS,
        false,
        [
          { key: 'absentStaff', number: 0 },
          { key: 'remarks', text: ' 无 ' },
        ],
        '',
      ),
    ).toEqual({
      values: { absentStaff: 0, remarks: '无' },
      note: '',
    });
  });

  it('flags only a zero report with open work, and sums number fields leaving zero reports out', () => {
    expect(isConcealmentSuspect(true, [{ module: 'duty', kind: 'forwardedCalls', count: 1 }])).toBe(true);
    expect(isConcealmentSuspect(true, [])).toBe(false);
    expect(isConcealmentSuspect(false, [{ module: 'duty', kind: 'forwardedCalls', count: 1 }])).toBe(false);
    expect(numberTotals(FIELDS, [{ values: { absentStaff: 2 } }, { values: {} }, { values: { absentStaff: 3, remarks: 'x' } }])).toEqual([
      { key: 'absentStaff', label: '缺勤人数', total: 5 },
    ]);
  });
});
