import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, incidentStep, param, reportIncident, waitFor } from '../alerts/alert-support';

/**
 * Issue 27, defect 6: a new class-A (甲类) incident raised nothing for the leader until its
 * deadline neared, and the deadline counted towards resolving it, not towards reporting it upward.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const REPORT_UPWARD = `mutation($input: RecordIncidentReportedUpwardInput!) {
  recordIncidentReportedUpward(input: $input) {
    id status version reportedUpwardAt reportedUpwardTo reportedUpwardBy { id displayName } pastDeadline
    timeline { kind at actorName text }
  }
}`;
const INCIDENT = `query($id: ID!) { incident(id: $id) { id status reportedUpwardAt reportedUpwardTo reportedUpwardBy { displayName } pastDeadline } }`;
const DASHBOARD = `{ leaderDashboard { incidentsPastDeadline incidentsByClass { incidentClass open pastDeadline } } }`;

interface ReportedUpward {
  id: string;
  status: string;
  version: number;
  reportedUpwardAt: string | null;
  reportedUpwardTo: string | null;
  reportedUpwardBy: { id: string; displayName: string } | null;
  pastDeadline: boolean;
  timeline: { kind: string; at: string; actorName: string; text: string }[];
}

describe('a class-A incident alerts the leader at once, and reporting it upward meets the deadline', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let duty: string;
  let leader: string;
  let dispatcher: string;
  const engine = () => t.app.modules.alerts.engine;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [duty, leader, dispatcher] = await Promise.all([t.login('duty'), t.login('leader'), t.login('dispatcher')]);
  });
  afterAll(() => t?.close());

  function reportUpward(input: Record<string, unknown>, cookie = duty, headers?: Record<string, string>) {
    return t.gql<{ recordIncidentReportedUpward: ReportedUpward }>(REPORT_UPWARD, { input }, cookie, headers);
  }

  async function classAAlert(incidentId: string) {
    const [alert] = await alertsAbout(t, leader, { sourceId: incidentId, ruleId: 'incident-class-a-logged' });
    return alert;
  }

  it('logging a class-A incident raises a CRITICAL alert for the leader at once; reporting it upward resolves it', async () => {
    const incident = await reportIncident(t, duty, { title: '检疫点发现疑似甲类病例', incidentClass: 'A' });
    // No tick and no clock movement: the incident's own event raises it.
    const alert = await waitFor(() => classAAlert(incident.id), 'the class-A alert');
    expect(alert).toMatchObject({
      level: 'CRITICAL',
      status: 'RAISED',
      messageKey: 'alert.incident-class-a-logged',
      source: { entityType: 'Incident', entityId: incident.id },
      assignedLeader: { displayName: '李带班 (带班领导)' },
    });
    expect(param(alert, 'title')).toBe('检疫点发现疑似甲类病例');
    expect(param(alert, 'incidentClass')).toBe('A');
    expect(new Date(param(alert, 'deadline')!).getTime() - new Date(param(alert, 'reportedAt')!).getTime()).toBe(6 * HOUR);

    clock.advance(40 * MINUTE);
    const { data, errors } = await reportUpward({
      incidentId: incident.id,
      reportedTo: '区卫生健康委员会',
      note: '电话报告，已传真书面材料',
    });
    expect(errors).toBeUndefined();
    const recorded = data!.recordIncidentReportedUpward;
    expect(recorded).toMatchObject({
      status: 'REPORTED',
      reportedUpwardTo: '区卫生健康委员会',
      reportedUpwardBy: { displayName: expect.stringContaining('值班') },
      pastDeadline: false,
    });
    expect(new Date(recorded.reportedUpwardAt!).getTime()).toBe(clock.now().getTime());
    expect(recorded.timeline.at(-1)).toMatchObject({ kind: 'REPORTED_UPWARD', text: '区卫生健康委员会 — 电话报告，已传真书面材料' });

    const resolved = await waitFor(async () => {
      const a = await classAAlert(incident.id);
      return a?.status === 'RESOLVED' ? a : undefined;
    }, 'the class-A alert to resolve');
    expect(resolved).toMatchObject({ id: alert.id, resolution: 'CONDITION_CLEARED' });
  });

  it('is not raised for class B or C, and is raised when an incident is reclassified to A', async () => {
    const incident = await reportIncident(t, duty, { title: '乙类事件：道口人员聚集', incidentClass: 'B' });
    await engine().idle();
    await engine().tick();
    expect(await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-class-a-logged' })).toEqual([]);
    const update = await t.gql(
      `mutation($input: UpdateIncidentInput!) { updateIncident(input: $input) { id incidentClass } }`,
      { input: { id: incident.id, expectedVersion: incident.version, incidentClass: 'A' } },
      duty,
    );
    expect(update.errors).toBeUndefined();
    expect(await waitFor(() => classAAlert(incident.id), 'the class-A alert after reclassifying')).toMatchObject({ status: 'RAISED' });
  });

  it('the past-deadline alert does not fire for an incident reported upward in time, even unresolved; it does for one not reported', async () => {
    const reported = await reportIncident(t, duty, { title: '甲类事件：已按时上报', incidentClass: 'A' });
    const silent = await reportIncident(t, duty, { title: '甲类事件：未上报', incidentClass: 'A' });
    await incidentStep(t, duty, 'start', reported.id);
    await waitFor(() => classAAlert(silent.id), 'the class-A alert of the one not reported');
    clock.advance(2 * HOUR);
    expect((await reportUpward({ incidentId: reported.id, reportedTo: '市防控指挥部' })).errors).toBeUndefined();

    clock.advance(4 * HOUR); // both are now 6 hours old: past the class-A deadline
    await engine().tick();
    const pastDeadline = (id: string) => alertsAbout(t, leader, { sourceId: id, ruleId: 'incident-past-deadline' });
    expect(await pastDeadline(reported.id)).toEqual([]);
    expect(await pastDeadline(silent.id)).toMatchObject([{ status: 'RAISED', level: 'CRITICAL' }]);
    // One critical alert per incident at a time: at the deadline the class-A alert hands over to it.
    expect(await classAAlert(silent.id)).toMatchObject({ status: 'RESOLVED', resolution: 'CONDITION_CLEARED' });

    // The incident page and the leader's figures say the same as the rule.
    const read = async (id: string) => (await t.gql<{ incident: ReportedUpward }>(INCIDENT, { id }, leader)).data!.incident;
    expect(await read(reported.id)).toMatchObject({ status: 'IN_PROGRESS', pastDeadline: false, reportedUpwardTo: '市防控指挥部' });
    expect(await read(silent.id)).toMatchObject({ pastDeadline: true, reportedUpwardAt: null });
    const before = (await t.gql<{ leaderDashboard: { incidentsPastDeadline: number } }>(DASHBOARD, {}, leader)).data!.leaderDashboard;

    // Reporting the late one upward ends the chase: its alert resolves, the figures drop by one.
    expect((await reportUpward({ incidentId: silent.id, reportedTo: '市防控指挥部', note: '迟报，已说明原因' })).errors).toBeUndefined();
    await engine().idle();
    await engine().tick();
    expect(await pastDeadline(silent.id)).toMatchObject([{ status: 'RESOLVED', resolution: 'CONDITION_CLEARED' }]);
    const after = (await t.gql<{ leaderDashboard: { incidentsPastDeadline: number } }>(DASHBOARD, {}, leader)).data!.leaderDashboard;
    expect(after.incidentsPastDeadline).toBe(before.incidentsPastDeadline - 1);
  });

  it('refuses a second report upward (CONFLICT), naming the first', async () => {
    const incident = await reportIncident(t, duty, { title: '丙类事件：重复上报', incidentClass: 'C' });
    expect((await reportUpward({ incidentId: incident.id, reportedTo: '区应急管理局' })).errors).toBeUndefined();
    const again = await reportUpward({ incidentId: incident.id, reportedTo: '市应急管理局' }, leader);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'incident/already_reported_upward' });
    expect(again.errors?.[0]?.message).toContain('区应急管理局');
    const { data } = await t.gql<{ incident: ReportedUpward }>(INCIDENT, { id: incident.id }, leader);
    expect(data!.incident.reportedUpwardTo).toBe('区应急管理局');
  });

  it('acts once for a retried request with the same idempotency key', async () => {
    const incident = await reportIncident(t, duty, { title: '丙类事件：网络重试', incidentClass: 'C' });
    const key = randomUUID();
    const input = { incidentId: incident.id, reportedTo: '区卫生健康委员会' };
    const first = await reportUpward(input, duty, { 'idempotency-key': key });
    const second = await reportUpward(input, duty, { 'idempotency-key': key });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.recordIncidentReportedUpward.reportedUpwardAt).toBe(first.data!.recordIncidentReportedUpward.reportedUpwardAt);
    const rows = await t.app.orm.em
      .fork()
      .execute<{ operation: string }[]>(
        `select operation from audit_record where operation = 'recordIncidentReportedUpward' and entity_id = ?`,
        [incident.id],
      );
    expect(rows).toHaveLength(1);
    const events = await t.app.orm.em
      .fork()
      .execute<{ payload: { changed: string[] } }[]>(
        `select payload from event where topic = 'incident' and entity_id = ? order by position`,
        [incident.id],
      );
    expect(events.filter((e) => e.payload.changed.includes('reportedUpward'))).toHaveLength(1);
  });

  describe('refuses implausible input with the field named', () => {
    it.each([
      ['an empty "reported to"', { reportedTo: '   ' }, 'reportedTo'],
      ['a "reported to" over 200 characters', { reportedTo: '区'.repeat(201) }, 'reportedTo'],
      ['a time in the future', { reportedTo: '区卫健委', at: 10 * HOUR }, 'reportedUpwardAt'],
      ['a time before the incident was reported', { reportedTo: '区卫健委', at: -2 * HOUR }, 'reportedUpwardAt'],
      ['a note over 2000 characters', { reportedTo: '区卫健委', note: '情'.repeat(2001) }, 'note'],
      // The timeline line is "reported to — note"; it was cut at 2000 characters without a word.
      ['a note that fits alone but not with "reported to"', { reportedTo: '区卫健委', note: '情'.repeat(1995) }, 'note'],
    ])('%s', async (_, { at, ...fields }: { at?: number; reportedTo: string; note?: string }, field) => {
      const incident = await reportIncident(t, duty, {
        title: '校验测试',
        incidentClass: 'B',
        reportedAt: new Date(clock.now().getTime() - HOUR),
      });
      const reportedUpwardAt = at === undefined ? undefined : new Date(clock.now().getTime() + at).toISOString();
      const { errors } = await reportUpward({ incidentId: incident.id, ...fields, reportedUpwardAt });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const { data } = await t.gql<{ incident: ReportedUpward }>(INCIDENT, { id: incident.id }, leader);
      expect(data!.incident.reportedUpwardAt).toBeNull();
    });

    it('an incident that does not exist is NOT_FOUND', async () => {
      const { errors } = await reportUpward({ incidentId: randomUUID(), reportedTo: '区卫健委' });
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  it('only the incident handlers may record it: a dispatcher is refused', async () => {
    const incident = await reportIncident(t, duty, { title: '丙类事件：权限', incidentClass: 'C' });
    const { errors } = await reportUpward({ incidentId: incident.id, reportedTo: '区卫健委' }, dispatcher);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
