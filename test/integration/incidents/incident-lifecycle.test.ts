import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import type { Context } from '../../../server/src/core/context';
import { createLogger } from '../../../server/src/core/logger';
import { commit } from '../../../server/src/core/unit-of-work';
import { startTestApp, type TestApp } from '../../support/test-app';

const MINUTE = 60_000;

const FIELDS = `id status version severity assignedGroup ownerId owner { id displayName } latitude longitude location
  incidentClass reportedAt reportingDeadline acknowledgedAt resolvedAt closedAt pastDeadline`;
const TIMELINE = `query($id: ID!) { incident(id: $id) { id timeline { kind at actorName text fromStatus toStatus link { entityType entityId } } } }`;

interface IncidentView {
  id: string;
  status: string;
  version: number;
  severity: string;
  assignedGroup: string | null;
  ownerId: string | null;
  owner: { id: string; displayName: string } | null;
  latitude: number | null;
  longitude: number | null;
  location: string;
  incidentClass: string;
  reportedAt: string;
  reportingDeadline: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  pastDeadline: boolean;
}
interface TimelineEntry {
  kind: string;
  at: string;
  actorName: string;
  text: string;
  fromStatus: string | null;
  toStatus: string | null;
  link: { entityType: string; entityId: string } | null;
}

describe('the incident lifecycle', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let duty: string;
  let leader: string;
  let dispatcher: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [duty, leader, dispatcher] = await Promise.all([t.login('duty'), t.login('leader'), t.login('dispatcher')]);
  });
  afterAll(() => t?.close());

  async function report(input: Record<string, unknown>, cookie = duty): Promise<IncidentView> {
    const r = await t.gql<{ reportIncident: IncidentView }>(
      `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { ${FIELDS} } }`,
      { input },
      cookie,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.reportIncident;
  }
  async function step(name: string, input: Record<string, unknown>, cookie = duty) {
    return t.gql<Record<string, IncidentView>>(
      `mutation($input: IncidentActionInput!) { ${name}(input: $input) { ${FIELDS} } }`,
      { input },
      cookie,
    );
  }
  async function timeline(id: string): Promise<TimelineEntry[]> {
    const r = await t.gql<{ incident: { timeline: TimelineEntry[] } }>(TIMELINE, { id }, leader);
    expect(r.errors).toBeUndefined();
    return r.data!.incident.timeline;
  }

  it('goes reported → acknowledged → in progress → resolved → closed → reopened, each step timed and on the timeline', async () => {
    const incident = await report({ title: '生命周期：检疫点人员聚集', incidentClass: 'B', severity: 'HIGH', location: '城关检疫点' });
    expect(incident).toMatchObject({ status: 'REPORTED', severity: 'HIGH', acknowledgedAt: null, pastDeadline: false });
    const reportedAt = new Date(incident.reportedAt).getTime();

    clock.advance(4 * MINUTE);
    const acknowledged = (await step('acknowledgeIncident', { id: incident.id, expectedVersion: incident.version }, leader)).data!
      .acknowledgeIncident!;
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
    expect(new Date(acknowledged.acknowledgedAt!).getTime() - reportedAt).toBe(4 * MINUTE);

    clock.advance(MINUTE);
    expect((await step('startIncident', { id: incident.id })).data!.startIncident!.status).toBe('IN_PROGRESS');
    clock.advance(MINUTE);
    const resolved = (await step('resolveIncident', { id: incident.id, note: '人员已疏散' })).data!.resolveIncident!;
    expect(resolved).toMatchObject({ status: 'RESOLVED', closedAt: null });
    expect(resolved.resolvedAt).not.toBeNull();
    const closed = (await step('closeIncident', { id: incident.id }, leader)).data!.closeIncident!;
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedAt).not.toBeNull();

    const noReason = await step('reopenIncident', { id: incident.id });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const reopened = (await step('reopenIncident', { id: incident.id, note: '人员再次聚集' })).data!.reopenIncident!;
    expect(reopened).toMatchObject({
      status: 'IN_PROGRESS',
      resolvedAt: null,
      closedAt: null,
      acknowledgedAt: acknowledged.acknowledgedAt,
    });

    const entries = await timeline(incident.id);
    expect(entries.filter((e) => e.kind === 'STATUS').map((e) => `${e.fromStatus ?? ''}→${e.toStatus}`)).toEqual([
      '→REPORTED',
      'REPORTED→ACKNOWLEDGED',
      'ACKNOWLEDGED→IN_PROGRESS',
      'IN_PROGRESS→RESOLVED',
      'RESOLVED→CLOSED',
      'CLOSED→IN_PROGRESS',
    ]);
    expect(entries.find((e) => e.toStatus === 'ACKNOWLEDGED')!.actorName).toContain('李带班');
    expect(entries.find((e) => e.fromStatus === 'CLOSED')!.text).toBe('人员再次聚集');
    const times = entries.map((e) => new Date(e.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('refuses a step out of order with INVALID_TRANSITION and changes nothing', async () => {
    const incident = await report({ title: '生命周期：顺序', incidentClass: 'C' });
    const closing = await step('closeIncident', { id: incident.id });
    expect(closing.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'incident/invalid_transition',
      from: 'REPORTED',
      to: 'CLOSED',
    });
    const stale = await step('acknowledgeIncident', { id: incident.id, expectedVersion: incident.version + 5 });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'incident/stale' });
    expect((await timeline(incident.id)).map((e) => e.kind)).toEqual(['STATUS']);
  });

  it('taking an incident on directly (start or resolve) also ends its acknowledgement time', async () => {
    const incident = await report({ title: '生命周期：直接处置', incidentClass: 'C' });
    clock.advance(2 * MINUTE);
    const started = (await step('startIncident', { id: incident.id })).data!.startIncident!;
    expect(new Date(started.acknowledgedAt!).getTime() - new Date(incident.reportedAt).getTime()).toBe(2 * MINUTE);
    // The generic mutation takes the same steps.
    const generic = await t.gql<{ changeIncidentStatus: IncidentView }>(
      `mutation($input: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $input) { ${FIELDS} } }`,
      { input: { id: incident.id, status: 'RESOLVED', expectedVersion: started.version } },
      duty,
    );
    expect(generic.data!.changeIncidentStatus).toMatchObject({ status: 'RESOLVED', acknowledgedAt: started.acknowledgedAt });
  });

  it('of many people acknowledging one incident at once, exactly one succeeds', async () => {
    const incident = await report({ title: '生命周期：并发确认', incidentClass: 'A' });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => step('acknowledgeIncident', { id: incident.id }, i % 2 ? duty : leader)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'INVALID_TRANSITION')).toHaveLength(9);
    expect((await timeline(incident.id)).filter((e) => e.toStatus === 'ACKNOWLEDGED')).toHaveLength(1);
  });

  it('is assigned to a working group and an owner, who must be active HQ staff', async () => {
    const incident = await report({ title: '生命周期：分派', incidentClass: 'B' });
    const users = await t.gql<{ users: { id: string; username: string }[] }>('{ users { id username } }', {}, await t.login('admin'));
    const dispatcherId = users.data!.users.find((u) => u.username === 'dispatcher')!.id;
    const liaisonId = users.data!.users.find((u) => u.username === 'liaison')!.id;
    const ASSIGN = `mutation($input: AssignIncidentInput!) { assignIncident(input: $input) { ${FIELDS} } }`;
    const assigned = await t.gql<{ assignIncident: IncidentView }>(
      ASSIGN,
      { input: { id: incident.id, assignedGroup: 'TRANSPORT', ownerId: dispatcherId } },
      duty,
    );
    expect(assigned.data!.assignIncident).toMatchObject({
      assignedGroup: 'TRANSPORT',
      ownerId: dispatcherId,
      owner: { displayName: expect.stringContaining('张调配') },
    });
    const toLiaison = await t.gql(ASSIGN, { input: { id: incident.id, assignedGroup: 'TRANSPORT', ownerId: liaisonId } }, duty);
    expect(toLiaison.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ownerId' });
    const byDispatcher = await t.gql(ASSIGN, { input: { id: incident.id, assignedGroup: 'LOGISTICS' } }, dispatcher);
    expect(byDispatcher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await timeline(incident.id)).filter((e) => e.kind === 'ASSIGNMENT')).toHaveLength(1);
  });

  it('keeps optional coordinates in range and in pairs; reclassifying moves the deadline', async () => {
    const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
    const half = await t.gql(REPORT, { input: { title: '坐标', incidentClass: 'C', latitude: 39.9 } }, duty);
    expect(half.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'longitude' });
    const outOfRange = await t.gql(REPORT, { input: { title: '坐标', incidentClass: 'C', latitude: 95, longitude: 116 } }, duty);
    expect(outOfRange.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'latitude' });

    const incident = await report({ title: '生命周期：坐标', incidentClass: 'C', latitude: 39.9042, longitude: 116.4074 });
    expect(incident).toMatchObject({ latitude: 39.9042, longitude: 116.4074 });
    const UPDATE = `mutation($input: UpdateIncidentInput!) { updateIncident(input: $input) { ${FIELDS} } }`;
    const updated = await t.gql<{ updateIncident: IncidentView }>(
      UPDATE,
      {
        input: {
          id: incident.id,
          expectedVersion: incident.version,
          incidentClass: 'A',
          latitude: null,
          longitude: null,
          severity: 'CRITICAL',
        },
      },
      duty,
    );
    expect(updated.errors).toBeUndefined();
    const after = updated.data!.updateIncident;
    expect(after).toMatchObject({ incidentClass: 'A', latitude: null, longitude: null, severity: 'CRITICAL' });
    expect(new Date(after.reportingDeadline).getTime() - new Date(after.reportedAt).getTime()).toBe(6 * 60 * MINUTE);
    const details = (await timeline(incident.id)).filter((e) => e.kind === 'DETAILS');
    expect(details).toHaveLength(1);
    expect(details[0]!.text).toContain('class C→A');
  });

  it('any HQ group adds notes to the timeline; a liaison may not; blank notes are refused', async () => {
    const incident = await report({ title: '生命周期：备注', incidentClass: 'C' });
    const NOTE = `mutation($input: AddIncidentNoteInput!) { addIncidentNote(input: $input) { kind text actorName } }`;
    const note = await t.gql<{ addIncidentNote: TimelineEntry }>(
      NOTE,
      { input: { incidentId: incident.id, text: '  已派两辆车前往  ' } },
      dispatcher,
    );
    expect(note.data!.addIncidentNote).toMatchObject({
      kind: 'NOTE',
      text: '已派两辆车前往',
      actorName: expect.stringContaining('张调配'),
    });
    expect((await t.gql(NOTE, { input: { incidentId: incident.id, text: '  ' } }, dispatcher)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'text',
    });
    expect(
      (await t.gql(NOTE, { input: { incidentId: incident.id, text: 'x' } }, await t.login('liaison'))).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('other modules put their records on the timeline through linkToIncident, in their own transaction', async () => {
    const incident = await report({ title: '生命周期：关联记录', incidentClass: 'B' });
    const incidents = t.app.modules.incidents.service;
    const ctx: Context = {
      requestId: 'link-test',
      transport: 'system',
      viewer: null,
      em: t.app.orm.em.fork(),
      idempotencyKey: undefined,
      clock,
      hub: t.app.hub,
      logger: createLogger('warn', 'link-test'),
    };
    await commit(ctx, 'linkTest', {}, (tx) =>
      incidents.linkToIncident(tx, incident.id, {
        entityType: 'DispatchOrder',
        entityId: 'DO-TEST-1',
        summary: '调度单 DO-TEST-1：2 辆车',
      }),
    );
    const entries = await timeline(incident.id);
    expect(entries.at(-1)).toMatchObject({
      kind: 'LINK',
      text: '调度单 DO-TEST-1：2 辆车',
      link: { entityType: 'DispatchOrder', entityId: 'DO-TEST-1' },
    });
    // A link to an incident that does not exist fails the caller's whole change.
    await expect(
      commit({ ...ctx, em: t.app.orm.em.fork() }, 'linkTest', {}, (tx) =>
        incidents.linkToIncident(tx, '00000000-0000-4000-8000-000000000000', { entityType: 'DispatchOrder', entityId: 'x', summary: 'x' }),
      ),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
