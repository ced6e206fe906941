import type { Client } from '@urql/vue';
import { TrafficPermitsDocument, type TrafficPermitFieldsFragment } from '@cc/shared/operations';
import { formatHqTime, withHqZone } from '../../../app/hq-time-format';
import { i18n } from '../../../app/i18n';
import { cargoLabel, vehicleTypeLabel } from './permit-format';

/** How many permits one request of the export asks for: the most a page holds. */
const BATCH = 200;

/** Every permit matching the search, newest first, as the list shows them. */
export async function fetchPermits(client: Client, search: string | null): Promise<TrafficPermitFieldsFragment[]> {
  const permits: TrafficPermitFieldsFragment[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const result = await client
      .query(TrafficPermitsDocument, { search, first: BATCH, offset }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) throw result.error;
    const page = result.data?.trafficPermits;
    if (!page) break;
    permits.push(...page.items);
    if (page.items.length < BATCH || permits.length >= page.total) break;
  }
  return permits;
}

/** The permits' columns in the viewer's language, and each permit's row of plain text. */
export function permitSheet(permits: readonly TrafficPermitFieldsFragment[]): { header: string[]; rows: string[][] } {
  const t = i18n.global.t;
  const header = [
    t('permits.fields.number'),
    t('permits.fields.status'),
    t('permits.fields.applicantName'),
    t('permits.fields.unit'),
    t('permits.fields.plate'),
    t('permits.fields.vehicleType'),
    t('permits.fields.driverName'),
    t('permits.fields.driverIdMasked'),
    t('permits.fields.cargoKind'),
    t('permits.greenChannel'),
    t('permits.fields.origin'),
    t('permits.fields.destinations'),
    withHqZone(t('permits.fields.validFrom')),
    withHqZone(t('permits.fields.validUntil')),
    withHqZone(t('permits.fields.issuedAt')),
    t('permits.fields.revocationReason'),
  ];
  const rows = permits.map((p) => [
    p.number,
    t(`permits.permitStatuses.${p.status}`),
    p.applicantName,
    p.unitName,
    p.plate,
    vehicleTypeLabel(p.vehicleType),
    p.driverName,
    p.driverIdMasked,
    cargoLabel(p.cargoKind),
    p.greenChannel ? '✓' : '',
    p.origin,
    p.destinations.join('、'),
    formatHqTime(p.validFrom, 'full'),
    formatHqTime(p.effectiveUntil, 'full'),
    formatHqTime(p.issuedAt, 'full'),
    p.revocationReason ?? '',
  ]);
  return { header, rows };
}

/**
 * RFC 4180 text with a BOM (Excel opens the Chinese right). A cell starting with = + - @ is
 * prefixed with ' so that a spreadsheet shows an applicant's name instead of running it as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (raw: string) => {
    const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** An .xlsx workbook of one sheet; exceljs is loaded only when someone exports. */
export async function toXlsx(title: string, header: readonly string[], rows: readonly (readonly string[])[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column) => (column.width = 18));
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
