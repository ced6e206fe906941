import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app';

/** What the directive tests read back; field names as in shared/schema.graphql (not a test file itself). */
export const DIRECTIVE_FIELDS = `id title source origin hqInstructionId dutyCallId ownerName deadline priority completedAt overdue version
  createdBy { displayName }
  assignees { id targetGroup targetUnitId targetUnitName status acceptedAt finishedAt canAct }
  progress { id assigneeId kind note at by { displayName } }`;

export interface Assignee {
  id: string;
  targetGroup: string | null;
  targetUnitId: string | null;
  targetUnitName: string;
  status: 'ASSIGNED' | 'ACCEPTED' | 'DONE';
  acceptedAt: string | null;
  finishedAt: string | null;
  canAct: boolean;
}

export interface Directive {
  id: string;
  title: string;
  source: string;
  origin: string;
  hqInstructionId: string | null;
  dutyCallId: string | null;
  ownerName: string;
  deadline: string;
  priority: string;
  completedAt: string | null;
  overdue: boolean;
  version: number;
  createdBy: { displayName: string } | null;
  assignees: Assignee[];
  progress: { id: string; assigneeId: string; kind: string; note: string; at: string; by: { displayName: string } | null }[];
}

export const CREATE = `mutation($input: CreateDirectiveInput!) { createDirective(input: $input) { ${DIRECTIVE_FIELDS} } }`;
export const ONE = `query($id: ID!) { directive(id: $id) { ${DIRECTIVE_FIELDS} } }`;
export const BOARD = `query($filter: DirectiveFilterInput) { directives(filter: $filter) { ${DIRECTIVE_FIELDS} } }`;

const HOUR = 3_600_000;

export async function createDirective(
  t: TestApp,
  cookie: string,
  assignees: { group?: string; unitId?: string }[],
  extra: Record<string, unknown> = {},
  now = new Date(),
): Promise<Directive> {
  const response = await t.gql<{ createDirective: Directive }>(
    CREATE,
    {
      input: {
        title: '检疫点防护物资补给',
        content: '今日 18:00 前完成各检疫点口罩、防护服补给',
        source: '指挥部',
        ownerName: '陈科长',
        deadline: new Date(now.getTime() + 2 * HOUR).toISOString(),
        priority: 'URGENT',
        assignees,
        ...extra,
      },
    },
    cookie,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createDirective;
}

export function step(t: TestApp, cookie: string, kind: 'accept' | 'progress' | 'finish', assigneeId: string, note?: string) {
  const name = { accept: 'acceptDirective', progress: 'reportDirectiveProgress', finish: 'finishDirective' }[kind];
  return t.gql<Record<string, Directive>>(
    `mutation($input: DirectiveStepInput!) { ${name}(input: $input) { ${DIRECTIVE_FIELDS} } }`,
    { input: { assigneeId, note } },
    cookie,
  );
}

export async function readDirective(t: TestApp, cookie: string, id: string): Promise<Directive | null> {
  const response = await t.gql<{ directive: Directive | null }>(ONE, { id }, cookie);
  if (response.errors && response.errors[0]?.extensions?.['code'] !== 'NOT_FOUND') throw new Error(JSON.stringify(response.errors));
  return response.data?.directive ?? null;
}
