import { RESPONSE_LEVELS, WORKING_GROUP_OF_ROLE, WORKING_GROUPS } from '@cc/shared';
import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

const HOUR = 3_600_000;

interface Created {
  createDirective: { id: string; assignees: { id: string; targetGroup: string | null; targetUnitId: string | null }[] };
}

/** A directive to all four groups and AGRICULTURE (the matrix's liaisons' unit), so every caller has an assignment of their own. */
async function newDirective(env: FixtureEnv): Promise<Created['createDirective']> {
  const { createDirective } = await env.setup<Created>(
    'mutation($input: CreateDirectiveInput!) { createDirective(input: $input) { id assignees { id targetGroup targetUnitId } } }',
    {
      input: {
        title: '检疫点物资补给（测试）',
        source: '指挥部',
        ownerName: '陈科长',
        deadline: new Date(Date.now() + 4 * HOUR).toISOString(),
        priority: 'URGENT',
        assignees: [...WORKING_GROUPS.map((group) => ({ group })), { unitId: env.unitId('AGRICULTURE') }],
      },
    },
  );
  return createDirective;
}

/** The assignment the actor may act on: their unit's (a liaison), their group's, or any (a leader). */
function assignmentOf(env: FixtureEnv, directive: Created['createDirective']): string {
  const roles = env.actor?.roles ?? [];
  if (env.actor?.unitId && roles.includes('UNIT_LIAISON')) return directive.assignees.find((a) => a.targetUnitId === env.actor!.unitId)!.id;
  const group = roles.map((r) => WORKING_GROUP_OF_ROLE[r]).find((g) => g !== undefined) ?? 'TRANSPORT';
  return directive.assignees.find((a) => a.targetGroup === group)!.id;
}

/** An assignment of the actor's, already accepted (the fixture administrator holds LEADER, so may accept any). */
async function acceptedAssignment(env: FixtureEnv): Promise<string> {
  const assigneeId = assignmentOf(env, await newDirective(env));
  await env.setup('mutation($input: DirectiveStepInput!) { acceptDirective(input: $input) { id } }', { input: { assigneeId } });
  return assigneeId;
}

const MEETING_FIELDS = 'id decisions { id }';

/** A meeting HQ scheduled, held, with one decision not yet a directive. */
async function heldMeetingDecision(env: FixtureEnv): Promise<string> {
  const { scheduleMeeting } = await env.setup<{ scheduleMeeting: { id: string } }>(
    `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`,
    { input: { kind: 'DAILY_DISPATCH', title: '每日调度会（测试）', scheduledAt: new Date(Date.now() + HOUR).toISOString() } },
  );
  const { recordMeetingMinutes } = await env.setup<{ recordMeetingMinutes: { decisions: { id: string }[] } }>(
    `mutation($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) { ${MEETING_FIELDS} } }`,
    { input: { meetingId: scheduleMeeting.id, minutes: '纪要（测试）', decisions: ['增设检疫点 1 处（测试）'] } },
  );
  return recordMeetingMinutes.decisions[0]!.id;
}

/** A coordination meeting AGRICULTURE (the matrix's liaisons' unit) asked for, so its liaisons may read it too. */
async function requestedMeeting(env: FixtureEnv): Promise<string> {
  const { scheduleMeeting } = await env.setup<{ scheduleMeeting: { id: string } }>(
    `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING_FIELDS} } }`,
    {
      input: {
        kind: 'COORDINATION',
        title: '协调会（测试）',
        forUnitId: env.unitId('AGRICULTURE'),
        scheduledAt: new Date(Date.now() + HOUR).toISOString(),
      },
    },
  );
  return scheduleMeeting.id;
}

/** The response level's, directives' and meetings' part of the coordination module's declarations (coordination.fixtures.ts merges the parts). */
export const DIRECTIVE_TESTS: ModuleTests = {
  module: 'coordination',
  fixtures: {
    responseLevel: () => ({}),
    responseLevelChanged: () => ({}),
    responseLevelHistory: () => ({ first: 10 }),
    // Any level but the current one (setting the same level is a CONFLICT), and never ENDED before a level was set.
    setResponseLevel: async (env) => {
      const { responseLevel } = await env.setup<{ responseLevel: { level: string | null } }>('{ responseLevel { level } }');
      const next = RESPONSE_LEVELS.find((l) => l !== responseLevel.level && l !== 'ENDED')!;
      return { input: { level: next, note: '指挥部调整响应级别（测试）' } };
    },
    directives: () => ({ filter: { onlyOpen: true }, first: 20 }),
    directive: async (env) => ({ id: (await newDirective(env)).id }),
    directiveChanged: () => ({}),
    directiveUnits: () => ({}),
    createDirective: (env) => ({
      input: {
        title: '加强夜间值守（测试）',
        content: '各检疫点双人值守',
        source: '指挥部',
        ownerName: '陈科长',
        deadline: new Date(Date.now() + 2 * HOUR).toISOString(),
        priority: 'ROUTINE',
        assignees: [{ group: 'DUTY' }, { unitId: env.unitId('HEALTH') }],
      },
    }),
    acceptDirective: async (env) => ({ input: { assigneeId: assignmentOf(env, await newDirective(env)), note: '已接收（测试）' } }),
    reportDirectiveProgress: async (env) => ({ input: { assigneeId: await acceptedAssignment(env), note: '已完成一半（测试）' } }),
    finishDirective: async (env) => ({ input: { assigneeId: await acceptedAssignment(env), note: '已办结（测试）' } }),
    meetings: () => ({ first: 20 }),
    meeting: async (env) => ({ id: await requestedMeeting(env) }),
    meetingChanged: () => ({}),
    requestMeeting: () => ({ input: { title: '春耕农资运输通行问题（测试）', agenda: '通行证办理' } }),
    scheduleMeeting: () => ({
      input: {
        kind: 'COORDINATION',
        title: '重大事项协调会（测试）',
        attendees: '各工作组',
        scheduledAt: new Date(Date.now() + 2 * HOUR).toISOString(),
      },
    }),
    recordMeetingMinutes: async (env) => ({
      input: { meetingId: await requestedMeeting(env), minutes: '纪要（测试）', decisions: ['决定（测试）'] },
    }),
    createDirectiveFromDecision: async (env) => ({
      input: {
        decisionId: await heldMeetingDecision(env),
        ownerName: '陈科长',
        deadline: new Date(Date.now() + 4 * HOUR).toISOString(),
        priority: 'ROUTINE',
        assignees: [{ group: 'COORDINATION' }],
      },
    }),
  },
  fieldHints: {
    level: [...RESPONSE_LEVELS],
    ownerName: ['陈科长', ''],
    deadline: [new Date(Date.now() + 2 * HOUR).toISOString(), new Date(Date.now() - HOUR).toISOString()],
  },
  invariants: {
    response_level_change: [
      {
        broken: 'a change to the level it already was',
        sql: `select id from (select id, level, lag(level) over (order by effective_at, id) as previous from response_level_change) c
              where c.level = c.previous`,
      },
      {
        broken: 'a change not made by a leader',
        sql: `select c.id from response_level_change c join app_user u on u.id = c.set_by_id where not ('LEADER' = any (u.roles))`,
      },
    ],
    meeting: [
      {
        broken: 'a meeting a liaison requested for a unit other than their own',
        sql: `select m.id from meeting m join app_user u on u.id = m.requested_by_id
              where 'UNIT_LIAISON' = any (u.roles) and m.requested_by_unit_id is distinct from u.unit_id`,
      },
    ],
    meeting_decision: [
      {
        broken: 'a decision of a meeting not held',
        sql: `select d.id from meeting_decision d join meeting m on m.id = d.meeting_id where m.status <> 'HELD'`,
      },
    ],
    directive: [
      {
        broken: 'a directive from a meeting whose decision does not exist',
        sql: `select d.id from directive d where d.origin = 'MEETING' and not exists (select 1 from meeting_decision x where x.id = d.meeting_decision_id)`,
      },
      {
        broken: 'a directive without assignees',
        sql: `select d.id from directive d where not exists (select 1 from directive_assignee a where a.directive_id = d.id)`,
      },
      {
        broken: 'a completed directive with an unfinished assignee, or an open one whose assignees all finished',
        sql: `select d.id from directive d
              where (d.completed_at is not null) <> not exists (select 1 from directive_assignee a where a.directive_id = d.id and a.status <> 'DONE')`,
      },
    ],
    directive_assignee: [
      {
        broken: 'an assignee whose status disagrees with its progress trail',
        sql: `select a.id from directive_assignee a
              where (a.status <> 'ASSIGNED') <> exists (select 1 from directive_progress p where p.assignee_id = a.id and p.kind = 'ACCEPTED')
                 or (a.status = 'DONE') <> exists (select 1 from directive_progress p where p.assignee_id = a.id and p.kind = 'FINISHED')`,
      },
    ],
    directive_progress: [
      {
        broken: 'a progress entry whose assignee belongs to another directive',
        sql: `select p.id from directive_progress p join directive_assignee a on a.id = p.assignee_id where a.directive_id <> p.directive_id`,
      },
      {
        // A liaison acts on their own unit's assignment only (directive.policy.ts).
        broken: 'a progress entry by a liaison of another unit',
        sql: `select p.id, u.username from directive_progress p join directive_assignee a on a.id = p.assignee_id join app_user u on u.id = p.by_id
              where 'UNIT_LIAISON' = any (u.roles) and not ('LEADER' = any (u.roles)) and a.target_unit_id is distinct from u.unit_id`,
      },
    ],
  },
};
