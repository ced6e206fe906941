import { expect } from 'vitest';
import type { GraphQLResponse, TestApp } from '../../support/test-app';
import { waitFor } from '../alerts/alert-support';

/** Helpers shared by the daily-report-*.test.ts files (not a test file itself); field names as in shared/schema.graphql. */

export const REPORT_FIELDS = `id typeId unitId unitName day dueAt submittedAt late zero note concealmentSuspect
  openWork { module kind count } amendmentCount lastAmendedAt version submittedBy { displayName }
  values { key label kind number text }`;

export interface Report {
  id: string;
  typeId: string;
  unitId: string;
  unitName: string;
  day: string;
  dueAt: string;
  submittedAt: string;
  late: boolean;
  zero: boolean;
  note: string;
  concealmentSuspect: boolean;
  openWork: { module: string; kind: string; count: number }[];
  amendmentCount: number;
  lastAmendedAt: string | null;
  version: number;
  values: { key: string; label: string; kind: string; number: number | null; text: string | null }[];
}

export interface BoardRow {
  unitId: string;
  unitCode: string;
  status: string;
  reportId: string | null;
  submittedAt: string | null;
  zero: boolean;
  concealmentSuspect: boolean;
  amendmentCount: number;
}

export interface TypeBoard {
  day: string;
  dueAt: string;
  type: { id: string; code: string; name: string };
  counts: { onTime: number; late: number; missing: number; pending: number; zero: number; flagged: number };
  totals: { key: string; label: string; total: number }[];
  units: BoardRow[];
}

export const SUBMIT = `mutation($input: SubmitDailyReportInput!) { submitDailyReport(input: $input) { ${REPORT_FIELDS} } }`;
export const AMEND = `mutation($input: AmendDailyReportInput!) { amendDailyReport(input: $input) { ${REPORT_FIELDS} } }`;
export const BOARD = `query($day: String) { dailyReportBoard(day: $day) { day generatedAt types { day dueAt type { id code name }
  counts { onTime late missing pending zero flagged } totals { key label total }
  units { unitId unitCode status reportId submittedAt zero concealmentSuspect amendmentCount } } } }`;
export const CREATE_TYPE = `mutation($input: CreateDailyReportTypeInput!) { createDailyReportType(input: $input) { id code name dueTime version } }`;

export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

let serial = 0;

/** A fresh report type due at `dueTime` (HQ), with one number and one text field, created by the coordinator. */
export async function createType(t: TestApp, cookie: string, dueTime: string, name = '测试日报'): Promise<{ id: string; code: string }> {
  serial += 1;
  const code = `T_${Date.now().toString(36).toUpperCase()}_${serial}`;
  return ok(
    await t.gql<{ createDailyReportType: { id: string; code: string } }>(
      CREATE_TYPE,
      {
        input: {
          code,
          name: `${name} ${serial}`,
          dueTime,
          fields: [
            { key: 'absentStaff', label: '缺勤人数', kind: 'NUMBER' },
            { key: 'remarks', label: '情况说明', kind: 'TEXT' },
          ],
        },
      },
      cookie,
    ),
  ).createDailyReportType;
}

export function submit(t: TestApp, cookie: string, input: Record<string, unknown>) {
  return t.gql<{ submitDailyReport: Report }>(SUBMIT, { input: { values: [], note: '', zero: false, ...input } }, cookie);
}

export async function typeBoard(t: TestApp, cookie: string, typeId: string, day?: string): Promise<TypeBoard> {
  const data = ok(await t.gql<{ dailyReportBoard: { types: TypeBoard[] } }>(BOARD, { day }, cookie));
  const board = data.dailyReportBoard.types.find((x) => x.type.id === typeId);
  if (!board) throw new Error(`type ${typeId} is not on the board`);
  return board;
}

export async function unitIds(t: TestApp, cookie: string): Promise<Record<string, string>> {
  const units = ok(await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, cookie));
  return Object.fromEntries(units.memberUnits.map((u) => [u.code, u.id]));
}

export { waitFor };
