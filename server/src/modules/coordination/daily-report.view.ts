import type { DailyReportFieldSpec } from '@cc/shared';
import type { DailyReport, DailyReportAmendment, DailyReportType, DailyReportValues } from './daily-report.entity';
import { isConcealmentSuspect } from './daily-report.rules';
import type { DailyReportAmendmentObject, DailyReportObject, DailyReportTypeObject, DailyReportValueObject } from './daily-report.types';

/** A report's stored values as labelled fields, in its type's order; a key the type no longer has keeps its key as label. */
export function valuesView(fields: readonly DailyReportFieldSpec[], values: DailyReportValues): DailyReportValueObject[] {
  const known = fields.filter((f) => f.key in values);
  const unknown = Object.keys(values).filter((k) => !fields.some((f) => f.key === k));
  return [
    ...known.map((f) => ({ key: f.key, label: f.label, kind: f.kind, ...numberOrText(values[f.key]!) })),
    ...unknown.map((key) => ({
      key,
      label: key,
      kind: typeof values[key] === 'number' ? ('NUMBER' as const) : ('TEXT' as const),
      ...numberOrText(values[key]!),
    })),
  ];
}

function numberOrText(value: number | string): { number: number | null; text: string | null } {
  return typeof value === 'number' ? { number: value, text: null } : { number: null, text: value };
}

export function typeView(type: DailyReportType): DailyReportTypeObject {
  return {
    id: type.id,
    code: type.code,
    name: type.name,
    dueTime: type.dueTime,
    fields: type.fields.map((f) => ({ ...f })),
    active: type.active,
    startsOn: String(type.startsOn),
    sortOrder: type.sortOrder,
    version: type.version,
  };
}

export function reportView(report: DailyReport, type: DailyReportType): DailyReportObject {
  return {
    id: report.id,
    typeId: report.typeId,
    typeName: type.name,
    unitId: report.unitId,
    unitName: report.unitName,
    day: String(report.day),
    dueAt: report.dueAt,
    submittedAt: report.submittedAt,
    submittedBy: report.submittedById ? { id: report.submittedById, displayName: report.submittedByName } : null,
    late: report.late,
    zero: report.zero,
    values: valuesView(type.fields, report.values),
    note: report.note,
    concealmentSuspect: isConcealmentSuspect(report.zero, report.openWork),
    openWork: report.openWork.map((w) => ({ ...w })),
    amendmentCount: report.amendmentCount,
    lastAmendedAt: report.lastAmendedAt ?? null,
    version: report.version,
  };
}

export function amendmentView(a: DailyReportAmendment, type: DailyReportType): DailyReportAmendmentObject {
  return {
    id: a.id,
    amendedAt: a.amendedAt,
    amendedBy: a.amendedById ? { id: a.amendedById, displayName: a.amendedByName } : null,
    reason: a.reason,
    previousZero: a.previousZero,
    previousValues: valuesView(type.fields, a.previousValues),
    previousNote: a.previousNote,
    newZero: a.newZero,
    newValues: valuesView(type.fields, a.newValues),
    newNote: a.newNote,
  };
}
