import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createPerson } from '../dispatch/dispatch-helpers';
import { ok, unitIds } from '../duty/duty-helpers';
import { readDirective } from './directive-helpers';

const MEETING = `id kind status title agenda attendees scheduledAt minutes heldAt requestedByUnitId requestedByUnitName decisions { id content directiveId }`;
const REQUEST = `mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { ${MEETING} } }`;
const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { ${MEETING} } }`;
const MINUTES = `mutation($input: RecordMeetingMinutesInput!) { recordMeetingMinutes(input: $input) { ${MEETING} } }`;
const TO_DIRECTIVE = `mutation($input: CreateDirectiveFromDecisionInput!) { createDirectiveFromDecision(input: $input) { id origin title source } }`;

interface Meeting {
  id: string;
  kind: string;
  status: string;
  title: string;
  scheduledAt: string | null;
  heldAt: string | null;
  requestedByUnitId: string | null;
  decisions: { id: string; content: string; directiveId: string | null }[];
}

describe('meetings (会议组织承办): a unit requests, HQ schedules and records, a decision becomes a directive', () => {
  let t: TestApp;
  let coordinator: string;
  let liaison: string;
  let health: string;
  let units: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    [coordinator, liaison] = await Promise.all([t.login('coordinator'), t.login('liaison')]);
    units = await unitIds(t, admin);
    health = await createPerson(t, admin, {
      username: 'health-liaison',
      displayName: '卫健联络员',
      roles: ['UNIT_LIAISON'],
      unitId: units['HEALTH'],
    });
  });
  afterAll(() => t?.close());

  it('turns a decision of a requested coordination meeting into a directive, once, keeping the link', async () => {
    const requested = ok(
      await t.gql<{ requestMeeting: Meeting }>(
        REQUEST,
        { input: { title: '春耕农资运输通行问题', agenda: '农资车辆通行证办理' } },
        liaison,
      ),
    ).requestMeeting;
    expect(requested).toMatchObject({
      kind: 'COORDINATION',
      status: 'REQUESTED',
      scheduledAt: null,
      requestedByUnitId: units['AGRICULTURE'],
    });
    // Another unit's liaison does not see it; HQ does.
    expect(ok(await t.gql<{ meetings: { id: string }[] }>('{ meetings { id } }', {}, health)).meetings).toEqual([]);
    const hqList = ok(await t.gql<{ meetings: { id: string }[] }>('{ meetings { id } }', {}, coordinator)).meetings;
    expect(hqList.map((m) => m.id)).toContain(requested.id);

    const before = await t.gql(MINUTES, { input: { meetingId: requested.id, minutes: '纪要' } }, coordinator);
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'meeting/not_scheduled' });

    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = ok(
      await t.gql<{ scheduleMeeting: Meeting }>(
        SCHEDULE,
        {
          input: {
            requestId: requested.id,
            kind: 'COORDINATION',
            title: '春耕农资运输协调会',
            attendees: '农业农村局、运输调配组',
            scheduledAt: at,
          },
        },
        coordinator,
      ),
    ).scheduleMeeting;
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', scheduledAt: at });
    const again = await t.gql(
      SCHEDULE,
      { input: { requestId: requested.id, kind: 'COORDINATION', title: 'x', scheduledAt: at } },
      coordinator,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const held = ok(
      await t.gql<{ recordMeetingMinutes: Meeting }>(
        MINUTES,
        {
          input: { meetingId: requested.id, minutes: '会议研究了农资运输通行问题', decisions: ['为农资运输车辆办理绿色通道通行证', '  '] },
        },
        coordinator,
      ),
    ).recordMeetingMinutes;
    expect(held.status).toBe('HELD');
    expect(held.decisions.map((d) => d.content)).toEqual(['为农资运输车辆办理绿色通道通行证']);

    const decision = held.decisions[0]!;
    const input = {
      decisionId: decision.id,
      ownerName: '张调配',
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      priority: 'URGENT',
      assignees: [{ group: 'TRANSPORT' }, { unitId: units['AGRICULTURE'] }],
    };
    const directive = ok(
      await t.gql<{ createDirectiveFromDecision: { id: string; origin: string; title: string; source: string } }>(
        TO_DIRECTIVE,
        { input },
        coordinator,
      ),
    ).createDirectiveFromDecision;
    expect(directive).toMatchObject({ origin: 'MEETING', title: '为农资运输车辆办理绿色通道通行证', source: '春耕农资运输协调会' });
    const twice = await t.gql(TO_DIRECTIVE, { input }, coordinator);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'meeting/decision_converted' });

    const read = ok(
      await t.gql<{ meeting: Meeting }>(`query($id: ID!) { meeting(id: $id) { ${MEETING} } }`, { id: requested.id }, liaison),
    ).meeting;
    expect(read.decisions[0]!.directiveId).toBe(directive.id);
    // The liaison's unit is an assignee: they see the directive it became.
    expect((await readDirective(t, liaison, directive.id))?.origin).toBe('MEETING');
  });

  it('lets HQ schedule the daily dispatch meeting, and only a liaison request one', async () => {
    const daily = ok(
      await t.gql<{ scheduleMeeting: Meeting }>(
        SCHEDULE,
        { input: { kind: 'DAILY_DISPATCH', title: '每日调度会', scheduledAt: new Date(Date.now() + 7_200_000).toISOString() } },
        coordinator,
      ),
    ).scheduleMeeting;
    expect(daily).toMatchObject({ kind: 'DAILY_DISPATCH', status: 'SCHEDULED', requestedByUnitId: null });
    const denied = await t.gql(REQUEST, { input: { title: 'HQ 不申请' } }, coordinator);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byLiaison = await t.gql(
      SCHEDULE,
      { input: { kind: 'DAILY_DISPATCH', title: 'x', scheduledAt: new Date().toISOString() } },
      liaison,
    );
    expect(byLiaison.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
