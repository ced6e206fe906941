import {
  DAILY_REPORT_CODE_PATTERN,
  DAILY_REPORT_DUE_TIME_PATTERN,
  DAILY_REPORT_FIELD_KEY_PATTERN,
  DAILY_REPORT_FIELD_KINDS,
  DAILY_REPORT_LIMITS as L,
  type DailyReportFieldSpec,
} from '@cc/shared';
import { domainError } from '../../core/errors';
import type { DailyReportValues, OpenWorkEntry } from './daily-report.entity';

const bad = (field: string, message: string) => domainError('BAD_USER_INPUT', message, { field });

/** A report type's definition as HQ writes it, checked: the name, the HH:mm due time and its fields. */
export function cleanReportType(input: { code?: string; name: string; dueTime: string; fields: readonly DailyReportFieldSpec[] }): {
  code?: string;
  name: string;
  dueTime: string;
  fields: DailyReportFieldSpec[];
} {
  const name = input.name.trim();
  if (!name || name.length > L.typeName) throw bad('name', `Give the report type a name of 1 to ${L.typeName} characters.`);
  if (!DAILY_REPORT_DUE_TIME_PATTERN.test(input.dueTime))
    throw bad('dueTime', `Write the due time as HH:mm in HQ time (UTC+8), e.g. 16:00; “${input.dueTime}” is not one.`);
  let code: string | undefined;
  if (input.code !== undefined) {
    code = input.code.trim().toUpperCase();
    if (!DAILY_REPORT_CODE_PATTERN.test(code) || code.length > L.typeCode)
      throw bad('code', `The code is capital letters, digits and _ (at most ${L.typeCode}), starting with a letter, e.g. DAILY_PROGRESS.`);
  }
  if (input.fields.length > L.fields) throw bad('fields', `A report type has at most ${L.fields} fields.`);
  const seen = new Set<string>();
  const fields = input.fields.map((f, i) => {
    const key = f.key.trim();
    const label = f.label.trim();
    if (!DAILY_REPORT_FIELD_KEY_PATTERN.test(key) || key.length > L.fieldKey)
      throw bad(`fields.${i}.key`, `Field ${i + 1}: the key is letters and digits starting with a small letter, e.g. absentStaff.`);
    if (seen.has(key)) throw bad(`fields.${i}.key`, `Field ${i + 1}: the key “${key}” is used twice.`);
    seen.add(key);
    if (!label || label.length > L.fieldLabel)
      throw bad(`fields.${i}.label`, `Field ${i + 1}: give it a label of 1 to ${L.fieldLabel} characters.`);
    if (!DAILY_REPORT_FIELD_KINDS.includes(f.kind)) throw bad(`fields.${i}.kind`, `Field ${i + 1}: the kind is NUMBER or TEXT.`);
    return { key, label, kind: f.kind };
  });
  return { code, name, dueTime: input.dueTime, fields };
}

export interface ReportValueInput {
  key: string;
  number?: number | null;
  text?: string | null;
}

/**
 * A report's values against its type's fields: each key known, a number for a number field (a
 * whole, non-negative count), a text for a text field. A zero report (零报告) carries none: it
 * says explicitly that there is nothing to report. A field left out is simply not reported.
 */
export function cleanReportValues(
  fields: readonly DailyReportFieldSpec[],
  zero: boolean,
  values: readonly ReportValueInput[],
  note: string,
): { values: DailyReportValues; note: string } {
  const cleanNote = note.trim();
  if (cleanNote.length > L.note) throw bad('note', `Keep the note to ${L.note} characters.`);
  if (zero) {
    if (values.length > 0)
      throw bad('values', 'A zero report (零报告) carries no figures: leave them empty, or file a report with figures.');
    return { values: {}, note: cleanNote };
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const out: DailyReportValues = {};
  for (const v of values) {
    const field = byKey.get(v.key);
    if (!field) throw bad('values', `This report type has no field “${v.key}”.`);
    if (v.key in out) throw bad('values', `“${field.label}” is given twice.`);
    if (field.kind === 'NUMBER') {
      if (v.number == null || !Number.isInteger(v.number) || v.number < 0 || v.number > L.maxNumber)
        throw bad('values', `“${field.label}” is a whole number from 0 to ${L.maxNumber}.`);
      out[v.key] = v.number;
    } else {
      const text = (v.text ?? '').trim();
      if (text.length > L.textValue) throw bad('values', `Keep “${field.label}” to ${L.textValue} characters.`);
      if (text) out[v.key] = text;
    }
  }
  if (Object.keys(out).length === 0 && !cleanNote)
    throw bad('values', 'Fill in at least one figure or the note, or file an explicit zero report (零报告).');
  return { values: out, note: cleanNote };
}

/** A zero report is flagged (疑似瞒报) when another module had open work for the unit that day. */
export function isConcealmentSuspect(zero: boolean, openWork: readonly OpenWorkEntry[]): boolean {
  return zero && openWork.some((w) => w.count > 0);
}

/** Sums of each number field over a day's reports (the roll-up's totals); zero reports count as nothing. */
export function numberTotals(fields: readonly DailyReportFieldSpec[], reports: readonly { values: DailyReportValues }[]) {
  return fields
    .filter((f) => f.kind === 'NUMBER')
    .map((f) => ({
      key: f.key,
      label: f.label,
      total: reports.reduce((sum, r) => sum + (typeof r.values[f.key] === 'number' ? (r.values[f.key] as number) : 0), 0),
    }));
}
