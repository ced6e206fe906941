import type { DailyReportRollupQuery } from '@cc/shared/operations';
import { formatHqTime, withHqZone } from '../../../app/hq-time-format';
import { i18n } from '../../../app/i18n';

type Rollup = DailyReportRollupQuery['dailyReportRollup'];

/**
 * 工作动态 as a sheet: one row per unit (filed reports, then the missing ones), one column per
 * field of the type, and a totals row; the same rows the page prints.
 */
export function rollupSheet(rollup: Rollup): { header: string[]; rows: string[][] } {
  const t = i18n.global.t;
  const fields = rollup.type.fields;
  const header = [
    t('coordination.reports.unit'),
    t('coordination.reports.status'),
    withHqZone(t('coordination.reports.submittedAt')),
    ...fields.map((f) => f.label),
    t('coordination.reports.note'),
  ];
  const rows = rollup.reports.map((r) => [
    r.unitName,
    `${t(`coordination.reports.statuses.${r.late ? 'LATE' : 'ON_TIME'}`)}${r.zero ? ` · ${t('coordination.reports.zero')}` : ''}${
      r.concealmentSuspect ? ` · ${t('coordination.reports.concealment')}` : ''
    }`,
    formatHqTime(r.submittedAt, 'full'),
    ...fields.map((f) => {
      const v = r.values.find((x) => x.key === f.key);
      return v ? String(v.number ?? v.text ?? '') : '';
    }),
    r.note,
  ]);
  for (const m of rollup.missing) rows.push([m.unitName, t(`coordination.reports.statuses.${m.status}`), '', ...fields.map(() => ''), '']);
  const totals = new Map(rollup.totals.map((x) => [x.key, x.total]));
  rows.push([t('coordination.reports.totals'), '', '', ...fields.map((f) => (totals.has(f.key) ? String(totals.get(f.key)) : '')), '']);
  return { header, rows };
}
