import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { toCsv } from '../../duty/composables/export-log';
import { rollupSheet } from './daily-report-export';

const value = (key: string, label: string, number: number | null, text: string | null) => ({
  key,
  label,
  kind: (number === null ? 'TEXT' : 'NUMBER') as 'TEXT' | 'NUMBER',
  number,
  text,
});

const ROLLUP = {
  day: '2026-03-02',
  dueAt: '2026-03-02T08:00:00.000Z',
  type: {
    id: 't',
    code: 'DAILY_PROGRESS',
    name: '日调度',
    dueTime: '16:00',
    active: true,
    startsOn: '2026-03-01',
    sortOrder: 0,
    version: 1,
    fields: [
      { key: 'staffOnDuty', label: '在岗人数', kind: 'NUMBER' as const },
      { key: 'progress', label: '工作进展', kind: 'TEXT' as const },
    ],
  },
  counts: { onTime: 1, late: 1, missing: 1, pending: 0, zero: 1, flagged: 1 },
  totals: [{ key: 'staffOnDuty', label: '在岗人数', total: 12 }],
  reports: [
    {
      id: 'r1',
      typeId: 't',
      typeName: '日调度',
      unitId: 'u1',
      unitName: '县商务局',
      day: '2026-03-02',
      dueAt: '2026-03-02T08:00:00.000Z',
      submittedAt: '2026-03-02T07:30:00.000Z',
      late: false,
      zero: false,
      note: '正常',
      concealmentSuspect: false,
      amendmentCount: 0,
      lastAmendedAt: null,
      version: 1,
      submittedBy: null,
      values: [value('staffOnDuty', '在岗人数', 12, null), value('progress', '工作进展', null, '物资补给, 正常')],
      openWork: [],
    },
    {
      id: 'r2',
      typeId: 't',
      typeName: '日调度',
      unitId: 'u2',
      unitName: '县农业农村局',
      day: '2026-03-02',
      dueAt: '2026-03-02T08:00:00.000Z',
      submittedAt: '2026-03-02T08:40:00.000Z',
      late: true,
      zero: true,
      note: '',
      concealmentSuspect: true,
      amendmentCount: 0,
      lastAmendedAt: null,
      version: 1,
      submittedBy: null,
      values: [],
      openWork: [{ module: 'duty', kind: 'forwardedCalls', count: 1 }],
    },
  ],
  missing: [{ unitId: 'u3', unitCode: 'HEALTH', unitName: '县卫生健康局', status: 'MISSING' as const }],
};

describe('the roll-up (工作动态) as a sheet', () => {
  it('has one column per field, a row per unit (missing ones too), the flags, and the totals', () => {
    i18n.global.locale.value = 'zh-CN';
    const { header, rows } = rollupSheet(ROLLUP);
    expect(header).toEqual(['成员单位', '报送情况', expect.stringContaining('报送时间'), '在岗人数', '工作进展', '文字说明']);
    expect(rows[0]).toEqual(['县商务局', '按时', expect.stringContaining('15:30'), '12', '物资补给, 正常', '正常']);
    expect(rows[1]!.slice(0, 2)).toEqual(['县农业农村局', '迟报 · 零报告 · 疑似瞒报']);
    expect(rows[2]).toEqual(['县卫生健康局', '漏报', '', '', '', '']);
    expect(rows[3]).toEqual(['合计', '', '', '12', '', '']);
    // A comma inside a text value is quoted in the CSV, not split into two cells.
    expect(toCsv(header, rows)).toContain('"物资补给, 正常"');
  });
});
