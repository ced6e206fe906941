import type { SupplySummaryQuery } from '@cc/shared/operations';
import { formatHqTime, withHqZone } from '../../../app/hq-time-format';

export type Summary = SupplySummaryQuery['supplySummary'];
type T = (key: string, params?: Record<string, unknown>) => string;

export interface SummarySection {
  title: string;
  header: string[];
  rows: string[][];
}

/** The summary's four parts as tables of plain text, in the viewer's language (page, print, CSV, XLSX share them). */
export function summarySections(summary: Summary, t: T): SummarySection[] {
  const k = (key: string) => t(`logistics.summary.${key}`);
  return [
    {
      title: k('intake'),
      header: [k('source'), k('item'), k('unitOfMeasure'), k('quantity')],
      rows: summary.intakeBySource.map((r) => [
        t(`logistics.summary.sources.${r.source}`),
        r.itemName,
        r.unitOfMeasure,
        String(r.quantity),
      ]),
    },
    {
      title: k('issues'),
      header: [k('item'), k('unitOfMeasure'), k('recipient'), k('quantity')],
      rows: summary.issues.map((r) => [r.itemName, r.unitOfMeasure, r.recipient, String(r.quantity)]),
    },
    {
      title: k('allocations'),
      header: [k('requisition'), k('unit'), k('order'), k('from'), k('item'), k('unitOfMeasure'), k('quantity'), k('status')],
      rows: summary.allocations.map((r) => [
        r.requisitionNumber,
        r.unitName,
        r.orderNumber,
        r.fromPlaceName,
        r.itemName,
        r.unitOfMeasure,
        String(r.quantity),
        t(`logistics.shipmentStatuses.${r.status}`),
      ]),
    },
    {
      title: k('balances'),
      header: [k('item'), k('unitOfMeasure'), k('place'), k('quantity')],
      rows: summary.balances.map((r) => [r.itemName, r.unitOfMeasure, r.placeName, String(r.quantity)]),
    },
  ];
}

/** The summary's heading line: the day and whether (when, by whom) it was reported. */
export function summaryHeading(summary: Summary, t: T): string {
  const ready = summary.readyAt
    ? withHqZone(t('logistics.summary.ready', { at: formatHqTime(summary.readyAt, 'full'), name: summary.readyByName }))
    : t('logistics.summary.notReady');
  return `${t('logistics.summary.title')} ${summary.day} · ${ready}`;
}

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** RFC 4180 text, one block per section (its title, its header, its rows), with a BOM so Excel opens the Chinese right. */
export function summaryCsv(summary: Summary, t: T): string {
  const lines: string[][] = [[summaryHeading(summary, t)]];
  for (const section of summarySections(summary, t)) {
    lines.push([], [section.title], section.header, ...section.rows);
  }
  return '\uFEFF' + lines.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** An .xlsx workbook, one sheet per section; exceljs is loaded only when someone exports. */
export async function summaryXlsx(summary: Summary, t: T): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const section of summarySections(summary, t)) {
    const sheet = workbook.addWorksheet(section.title.slice(0, 31));
    sheet.addRow([summaryHeading(summary, t)]);
    sheet.addRow([...section.header]).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map((v, i) => (i === section.header.length - 1 && /^\d+$/.test(v) ? Number(v) : v)));
    sheet.columns.forEach((column) => (column.width = 18));
  }
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** Hands a file to the browser's download. */
export function download(name: string, type: string, content: BlobPart): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
