import { defineEntity, p } from '@mikro-orm/core';
import type { DailyReportFieldSpec } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

/** A report value as stored: a number field's number or a text field's text, by field key. */
export type DailyReportValues = Record<string, number | string>;

/** What another module had open for a unit when it filed a zero report (core/module.ts `unitOpenWork`). */
export interface OpenWorkEntry {
  module: string;
  kind: string;
  count: number;
}

const DailyReportTypeSchema = defineEntity({
  name: 'DailyReportType',
  tableName: 'daily_report_type',
  properties: {
    ...baseProperties,
    code: p.string().length(40).unique(),
    name: p.string().length(60),
    /** HQ wall-clock time ('HH:mm', UTC+8) the report is due by, every HQ day. */
    dueTime: p.string().length(5),
    fields: p.json<DailyReportFieldSpec[]>(),
    active: p.boolean().default(true),
    /** The first HQ day units are asked for it: no report is missing before it existed. */
    startsOn: p.date(),
    sortOrder: p.integer().default(0),
  },
});

/** A kind of daily report HQ asks every member unit for (日调度 by 16:00, 缺勤/健康日报 by 11:30…). */
export class DailyReportType extends DailyReportTypeSchema.class {}
DailyReportTypeSchema.setClass(DailyReportType);
export { DailyReportTypeSchema };

const DailyReportSchema = defineEntity({
  name: 'DailyReport',
  tableName: 'daily_report',
  properties: {
    ...baseProperties,
    typeId: p.uuid(),
    unitId: p.uuid(),
    /** The unit's name when it was filed, so the board needs no read of identity's tables. */
    unitName: p.string().length(120).default(''),
    /** The HQ calendar day (UTC+8) it reports on, YYYY-MM-DD. */
    day: p.date(),
    dueAt: p.datetime(),
    submittedAt: p.datetime(),
    submittedById: p.uuid().nullable(),
    submittedByName: p.string().length(100).default(''),
    late: p.boolean(),
    zero: p.boolean(),
    values: p.json<DailyReportValues>(),
    note: p.string().length(4000).default(''),
    openWork: p.json<OpenWorkEntry[]>(),
    amendmentCount: p.integer().default(0),
    lastAmendedAt: p.datetime().nullable(),
  },
});

/** One member unit's report of one type for one HQ day (or its explicit zero report, 零报告). */
export class DailyReport extends DailyReportSchema.class {}
DailyReportSchema.setClass(DailyReport);
export { DailyReportSchema };

const DailyReportAmendmentSchema = defineEntity({
  name: 'DailyReportAmendment',
  tableName: 'daily_report_amendment',
  properties: {
    id: baseProperties.id,
    createdAt: baseProperties.createdAt,
    reportId: p.uuid(),
    amendedAt: p.datetime(),
    amendedById: p.uuid().nullable(),
    amendedByName: p.string().length(100).default(''),
    reason: p.string().length(500),
    previousZero: p.boolean(),
    previousValues: p.json<DailyReportValues>(),
    previousNote: p.string().length(4000).default(''),
    newZero: p.boolean(),
    newValues: p.json<DailyReportValues>(),
    newNote: p.string().length(4000).default(''),
  },
});

/** An amendment (更正) of a filed report, with its reason and both versions; append-only (database trigger). */
export class DailyReportAmendment extends DailyReportAmendmentSchema.class {}
DailyReportAmendmentSchema.setClass(DailyReportAmendment);
export { DailyReportAmendmentSchema };
