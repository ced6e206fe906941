import type { Client } from '@urql/vue';
import { DutyLogDocument, type DutyCallFieldsFragment } from '@cc/shared/operations';
import { formatHqTime, withHqZone } from '../../../app/hq-time-format';
import { i18n } from '../../../app/i18n';
import { acknowledgement, callUnit, forwardedTo } from './duty-format';

/** How many calls one request of the export asks for: the most a page of the log holds. */
const BATCH = 200;

/** Every call of an HQ day, oldest first (the order of a paper log), whatever the view's filters. */
export async function fetchDayCalls(client: Client, day: string): Promise<DutyCallFieldsFragment[]> {
  const calls: DutyCallFieldsFragment[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const result = await client
      .query(DutyLogDocument, { filter: { day }, first: BATCH, offset }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw result.error;
    const page = result.data?.dutyLog;
    if (!page) break;
    calls.push(...page.items);
    if (page.items.length < BATCH || calls.length >= page.total) break;
  }
  return calls.reverse();
}

/** The log's columns in the viewer's language, and each call's row of plain text. */
export function logSheet(calls: readonly DutyCallFieldsFragment[]): { header: string[]; rows: string[][] } {
  const t = i18n.global.t;
  const header = [
    t('duty.fields.number'),
    withHqZone(t('duty.fields.receivedAt')),
    t('duty.fields.callerName'),
    t('duty.fields.callerPhone'),
    t('duty.fields.unit'),
    t('duty.fields.category'),
    t('duty.fields.urgency'),
    t('duty.fields.summary'),
    t('duty.fields.notes'),
    t('duty.fields.status'),
    t('duty.fields.forwardedTo'),
    t('duty.fields.acknowledged'),
  ];
  const rows = calls.map((c) => [
    c.number,
    formatHqTime(c.receivedAt, 'full'),
    c.callerName,
    c.callerPhone ?? '',
    callUnit(c),
    t(`duty.categories.${c.category}`),
    t(`duty.urgencies.${c.urgency}`),
    c.summary,
    c.notes ?? '',
    t(`duty.statuses.${c.status}`),
    forwardedTo(c),
    acknowledgement(c),
  ]);
  return { header, rows };
}

/** RFC 4180 text, with a BOM so that Excel opens the Chinese right. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** An .xlsx workbook of one sheet; exceljs is loaded only when someone exports. */
export async function toXlsx(title: string, header: readonly string[], rows: readonly (readonly string[])[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => (column.width = i === 7 || i === 8 ? 48 : 16));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** Hands a file to the browser's download. */
export function download(name: string, type: string, content: BlobPart): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
