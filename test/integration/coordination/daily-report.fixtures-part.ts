import { addHqDays, hqDay } from '@cc/shared';
import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

/** Daily reports' part of the coordination module's declarations (coordination.fixtures.ts merges the parts). */

const TYPE_FIELDS = [
  { key: 'absentStaff', label: '缺勤人数', kind: 'NUMBER' },
  { key: 'remarks', label: '情况说明', kind: 'TEXT' },
];

function code(env: FixtureEnv): string {
  return `FX_${env
    .unique('t')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_')}`.slice(0, 40);
}

/** A fresh report type (so one report per unit, type and day never collides across attempts). */
async function newType(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const { createDailyReportType } = await env.setup<{ createDailyReportType: { id: string; version: number } }>(
    'mutation($input: CreateDailyReportTypeInput!) { createDailyReportType(input: $input) { id version } }',
    { input: { code: code(env), name: '测试日报', dueTime: '16:00', fields: TYPE_FIELDS } },
  );
  return createDailyReportType;
}

/** The unit the actor may file for: a liaison's own, else 县农业农村局 (the matrix's liaisons' unit). */
function unitOf(env: FixtureEnv): string {
  return env.actor?.unitId ?? env.unitId('AGRICULTURE');
}

/** A report of the actor's unit on a fresh type, filed by the fixture administrator (a coordinator, 代报). */
async function newReport(env: FixtureEnv): Promise<{ id: string; version: number }> {
  const type = await newType(env);
  const { submitDailyReport } = await env.setup<{ submitDailyReport: { id: string; version: number } }>(
    'mutation($input: SubmitDailyReportInput!) { submitDailyReport(input: $input) { id version } }',
    { input: { typeId: type.id, unitId: unitOf(env), zero: false, values: [{ key: 'absentStaff', number: 1 }], note: '测试' } },
  );
  return submitDailyReport;
}

export const DAILY_REPORT_TESTS: ModuleTests = {
  module: 'coordination',
  fixtures: {
    dailyReportTypes: () => ({ includeInactive: true }),
    dailyReportBoard: () => ({}),
    dailyReport: async (env) => ({ id: (await newReport(env)).id }),
    dailyReportCalendar: async (env) => {
      const today = hqDay(new Date());
      return { typeId: (await newType(env)).id, from: addHqDays(today, -6), to: today };
    },
    dailyReportRollup: async (env) => ({ typeId: (await newType(env)).id }),
    dailyReportChanged: () => ({}),
    createDailyReportType: (env) => ({ input: { code: code(env), name: '测试日报', dueTime: '11:30', fields: TYPE_FIELDS } }),
    updateDailyReportType: async (env) => {
      const type = await newType(env);
      return {
        input: { id: type.id, expectedVersion: type.version, name: '测试日报（改）', dueTime: '17:30', fields: TYPE_FIELDS, active: true },
      };
    },
    submitDailyReport: async (env) => ({ input: { typeId: (await newType(env)).id, unitId: unitOf(env), zero: true } }),
    amendDailyReport: async (env) => {
      const report = await newReport(env);
      return {
        input: {
          reportId: report.id,
          expectedVersion: report.version,
          zero: false,
          values: [{ key: 'absentStaff', number: 2 }],
          reason: '人数更正（测试）',
        },
      };
    },
  },
  fieldHints: {
    dueTime: ['16:00', '11:30', '00:00', '23:59'],
    day: ['2026-03-02'],
  },
  invariants: {
    daily_report_type: [
      {
        broken: 'a report type with a field lacking a key or label, of an unknown kind, or two fields with one key',
        sql: `select t.id from daily_report_type t, jsonb_array_elements(t.fields) f
              where coalesce(f->>'key', '') = '' or coalesce(f->>'label', '') = '' or coalesce(f->>'kind', '') not in ('NUMBER', 'TEXT')
              union all
              select t.id from daily_report_type t, jsonb_array_elements(t.fields) f group by t.id, f->>'key' having count(*) > 1`,
      },
    ],
    daily_report: [
      {
        broken: 'a report for an HQ day after the one it was filed on (filed ahead)',
        sql: `select id from daily_report where day > (submitted_at at time zone 'Asia/Shanghai')::date`,
      },
      {
        broken: 'a report whose amendment count is not the number of its amendments',
        sql: `select r.id from daily_report r where r.amendment_count <> (select count(*) from daily_report_amendment a where a.report_id = r.id)`,
      },
    ],
    daily_report_amendment: [
      {
        broken: 'an amendment made before its report was filed',
        sql: `select a.id from daily_report_amendment a join daily_report r on r.id = a.report_id where a.amended_at < r.submitted_at`,
      },
    ],
  },
};
