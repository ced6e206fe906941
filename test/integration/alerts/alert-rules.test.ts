import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ALERT_FIELDS, alertsAbout, eventsAbout, incidentStep, param, reportIncident, waitFor, type AlertView } from './alert-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const UPDATE_RULE = `mutation($input: UpdateAlertRuleInput!) {
  updateAlertRule(input: $input) { id enabled escalationMinutes version thresholds { key value defaultValue min max unit } }
}`;
describe('alert rules raise and resolve their alerts', () => {
  let t: TestApp;
  let clock: ManualClock;
  let duty: string;
  let leader: string;
  let admin: string;
  let dispatcher: string;
  const engine = () => t.app.modules.alerts.engine;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
    [duty, leader, admin, dispatcher] = await Promise.all([t.login('duty'), t.login('leader'), t.login('admin'), t.login('dispatcher')]);
  });
  afterAll(() => t?.close());

  describe('incident past its reporting deadline (critical)', () => {
    it('is raised as soon as a class-A incident reported 7 hours ago is logged, and resolves when the incident is resolved', async () => {
      const incident = await reportIncident(t, duty, {
        title: '检疫点发现发热人员',
        incidentClass: 'A',
        reportedAt: new Date(clock.now().getTime() - 7 * HOUR),
      });
      // No tick: the incident event alone must raise it.
      const [alert] = await waitFor(async () => {
        const found = await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
        return found.length ? found : undefined;
      }, 'the past-deadline alert');
      expect(alert).toMatchObject({
        level: 'CRITICAL',
        status: 'RAISED',
        count: 1,
        workingGroup: 'DUTY',
        messageKey: 'alert.incident-past-deadline',
        source: { entityType: 'Incident', entityId: incident.id },
      });
      expect(param(alert!, 'title')).toBe('检疫点发现发热人员');
      expect(param(alert!, 'incidentClass')).toBe('A');

      expect((await incidentStep(t, duty, 'resolve', incident.id)).errors).toBeUndefined();
      const resolved = await waitFor(async () => {
        const [a] = await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
        return a?.status === 'RESOLVED' ? a : undefined;
      }, 'the alert to resolve');
      expect(resolved).toMatchObject({ id: alert!.id, resolution: 'CONDITION_CLEARED', resolvedBy: null });
    });

    it('is raised by the clock when a deadline passes with the incident still open', async () => {
      const incident = await reportIncident(t, duty, { title: '甲类事件：物资仓库断电', incidentClass: 'A' });
      await incidentStep(t, duty, 'start', incident.id);
      // (The manual clock moves less than the 12-hour session lifetime over this whole file.)
      clock.advance(6 * HOUR - MINUTE);
      await engine().tick();
      expect(await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' })).toEqual([]);
      clock.advance(MINUTE);
      await engine().tick();
      const [alert] = await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
      expect(alert).toMatchObject({ status: 'RAISED', level: 'CRITICAL', count: 1 });
      await incidentStep(t, duty, 'resolve', incident.id);
      await engine().tick();
      expect((await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0]?.status).toBe('RESOLVED');
    });
  });

  describe('incident not acknowledged within N minutes (warning)', () => {
    it('is raised after 15 minutes, folds each further 15 minutes into a count, and resolves when acknowledged', async () => {
      const incident = await reportIncident(t, duty, { title: '群众来电反映小区物资配送延误', incidentClass: 'C' });
      const about = () => alertsAbout(t, duty, { sourceId: incident.id, ruleId: 'incident-unacknowledged' });
      clock.advance(14 * MINUTE);
      await engine().tick();
      expect(await about()).toEqual([]);

      clock.advance(MINUTE);
      await engine().tick();
      const [raised] = await about();
      expect(raised).toMatchObject({ level: 'WARNING', status: 'RAISED', count: 1, workingGroup: 'DUTY' });

      // Ticks in between change nothing: a standing condition is not a new alert.
      for (let i = 0; i < 3; i++) await engine().tick();
      clock.advance(15 * MINUTE);
      await engine().tick();
      await engine().tick();
      clock.advance(30 * MINUTE);
      await engine().tick();
      const folded = await about();
      expect(folded).toHaveLength(1);
      expect(folded[0]).toMatchObject({ id: raised!.id, count: 4, status: 'RAISED' });
      expect(new Date(folded[0]!.lastSeenAt).getTime()).toBe(clock.now().getTime());

      await incidentStep(t, duty, 'acknowledge', incident.id);
      await engine().tick();
      const [resolved] = await about();
      expect(resolved).toMatchObject({ id: raised!.id, status: 'RESOLVED', resolution: 'CONDITION_CLEARED', count: 4 });
      // One alert for the whole story: raised once, folded twice (15 and 30 more minutes), resolved once.
      const events = await eventsAbout(t, raised!.id);
      expect(events.map((e) => `${e.kind}:${e.payload.changed.join(',')}`)).toEqual([
        'CREATED:raised',
        'UPDATED:count',
        'UPDATED:count',
        'UPDATED:status',
      ]);
    });
  });

  describe('administrators tune the rules', () => {
    it('a threshold change takes effect at once, without waiting for the clock', async () => {
      const incident = await reportIncident(t, duty, {
        title: '阈值测试：道口车辆排队',
        incidentClass: 'C',
        reportedAt: new Date(clock.now().getTime() - 10 * MINUTE),
      });
      const standing = async () =>
        (await alertsAbout(t, duty, { sourceId: incident.id, ruleId: 'incident-unacknowledged' })).filter((a) => a.status !== 'RESOLVED');
      await engine().evaluate('incident-unacknowledged');
      expect(await standing()).toEqual([]);

      const changed = await t.gql<{ updateAlertRule: { thresholds: { key: string; value: number }[] } }>(
        UPDATE_RULE,
        { input: { ruleId: 'incident-unacknowledged', thresholds: [{ key: 'minutes', value: 5 }] } },
        admin,
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.updateAlertRule.thresholds).toContainEqual(expect.objectContaining({ key: 'minutes', value: 5 }));
      const [raised] = await waitFor(async () => {
        const s = await standing();
        return s.length ? s : undefined;
      }, 'the alert under the new threshold');
      expect(param(raised!, 'minutes')).toBe('5');

      await t.gql(UPDATE_RULE, { input: { ruleId: 'incident-unacknowledged', resetToDefaults: true } }, admin);
      await waitFor(async () => ((await standing()).length === 0 ? true : undefined), 'the alert to clear under the default threshold');
    });

    it('disabling a rule resolves its standing alerts; enabling it raises them again', async () => {
      const incident = await reportIncident(t, duty, {
        title: '停用规则测试',
        incidentClass: 'A',
        reportedAt: new Date(clock.now().getTime() - 7 * HOUR),
      });
      const about = () => alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
      const first = await waitFor(async () => (await about()).find((a) => a.status === 'RAISED'), 'the alert');
      expect((await t.gql(UPDATE_RULE, { input: { ruleId: 'incident-past-deadline', enabled: false } }, admin)).errors).toBeUndefined();
      await waitFor(
        async () => (await about()).find((a) => a.id === first.id && a.status === 'RESOLVED' && a.resolution === 'RULE_DISABLED'),
        'RULE_DISABLED',
      );
      await engine().tick();
      expect((await about()).filter((a) => a.status !== 'RESOLVED')).toEqual([]);

      expect((await t.gql(UPDATE_RULE, { input: { ruleId: 'incident-past-deadline', enabled: true } }, admin)).errors).toBeUndefined();
      const again = await waitFor(async () => (await about()).find((a) => a.status === 'RAISED'), 'the alert raised again');
      expect(again.id).not.toBe(first.id);
      await incidentStep(t, duty, 'resolve', incident.id);
    });

    it('only administrators change rules, within each threshold’s range', async () => {
      const asLeader = await t.gql(UPDATE_RULE, { input: { ruleId: 'incident-unacknowledged', enabled: false } }, leader);
      expect(asLeader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const outOfRange = await t.gql(
        UPDATE_RULE,
        { input: { ruleId: 'incident-unacknowledged', thresholds: [{ key: 'minutes', value: 0 }] } },
        admin,
      );
      expect(outOfRange.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'alert/threshold_out_of_range' });
      const unknownKey = await t.gql(
        UPDATE_RULE,
        { input: { ruleId: 'incident-unacknowledged', thresholds: [{ key: 'hours', value: 2 }] } },
        admin,
      );
      expect(unknownKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'alert/unknown_threshold' });
      const noEscalationOnWarnings = await t.gql(
        UPDATE_RULE,
        { input: { ruleId: 'incident-unacknowledged', escalationMinutes: 5 } },
        admin,
      );
      expect(noEscalationOnWarnings.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'escalationMinutes' });
      const unknownRule = await t.gql(UPDATE_RULE, { input: { ruleId: 'no-such-rule', enabled: false } }, admin);
      expect(unknownRule.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const rules = await t.gql<{
        alertRules: { id: string; enabled: boolean; level: string; thresholds: { key: string; value: number }[] }[];
      }>(
        '{ alertRules { id enabled level triggers thresholds { key value defaultValue min max unit description } escalationMinutes } }',
        {},
        leader,
      );
      expect(rules.data!.alertRules.map((r) => r.id)).toEqual(
        expect.arrayContaining(['incident-past-deadline', 'incident-unacknowledged']),
      );
      expect(rules.data!.alertRules.find((r) => r.id === 'incident-unacknowledged')).toMatchObject({
        enabled: true,
        thresholds: [{ key: 'minutes', value: 15 }],
      });
    });
  });

  describe('people acting on alerts', () => {
    it('of several people acknowledging one alert at once, exactly one succeeds', async () => {
      const incident = await reportIncident(t, duty, {
        title: '并发确认测试',
        incidentClass: 'A',
        reportedAt: new Date(clock.now().getTime() - 7 * HOUR),
      });
      const alert = await waitFor(
        async () => (await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0],
        'the alert',
      );
      const results = await Promise.all(
        [leader, duty, leader, duty, leader, duty, leader, duty].map((cookie) =>
          t.gql<{ acknowledgeAlert: AlertView }>(
            `mutation($id: ID!) { acknowledgeAlert(id: $id) { ${ALERT_FIELDS} } }`,
            { id: alert.id },
            cookie,
          ),
        ),
      );
      const won = results.filter((r) => !r.errors);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.['reason'])).toEqual(
        Array(7).fill('alert/already_acknowledged'),
      );
      const [after] = await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
      expect(after).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: won[0]!.data!.acknowledgeAlert.acknowledgedBy });
      await incidentStep(t, duty, 'resolve', incident.id);
    });

    it('a leader resolves an alert by hand with a note; if its condition still holds, the rule raises a new one', async () => {
      const incident = await reportIncident(t, duty, {
        title: '手动解除测试',
        incidentClass: 'A',
        reportedAt: new Date(clock.now().getTime() - 7 * HOUR),
      });
      const about = () => alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
      const alert = await waitFor(async () => (await about())[0], 'the alert');
      const RESOLVE = `mutation($id: ID!, $note: String!) { resolveAlert(id: $id, note: $note) { ${ALERT_FIELDS} } }`;
      expect((await t.gql(RESOLVE, { id: alert.id, note: '   ' }, leader)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'note',
      });
      expect((await t.gql(RESOLVE, { id: alert.id, note: 'x' }, duty)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const resolved = await t.gql<{ resolveAlert: AlertView }>(RESOLVE, { id: alert.id, note: '已电话督促上报' }, leader);
      expect(resolved.errors).toBeUndefined();
      expect(resolved.data!.resolveAlert).toMatchObject({
        status: 'RESOLVED',
        resolution: 'MANUAL',
        resolutionNote: '已电话督促上报',
        resolvedBy: { displayName: expect.stringContaining('李带班') },
      });
      const again = await t.gql(RESOLVE, { id: alert.id, note: '再次' }, leader);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'alert/already_resolved' });

      // The incident is still open past its deadline: the next evaluation raises it anew.
      await engine().tick();
      const now = await about();
      expect(now.map((a) => a.status).sort()).toEqual(['RAISED', 'RESOLVED']);
      expect(now.find((a) => a.status === 'RAISED')!.id).not.toBe(alert.id);
      await incidentStep(t, duty, 'resolve', incident.id);
    });
  });

  describe('who sees which alerts', () => {
    it('a dispatcher sees the transport group’s alerts but not the duty group’s; a liaison sees none', async () => {
      const incident = await reportIncident(t, duty, {
        title: '可见范围测试',
        incidentClass: 'A',
        reportedAt: new Date(clock.now().getTime() - 7 * HOUR),
      });
      const alert = await waitFor(
        async () => (await alertsAbout(t, leader, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0],
        'the alert',
      );
      expect(alert.workingGroup).toBe('DUTY');
      expect(await alertsAbout(t, dispatcher, { sourceId: incident.id })).toEqual([]);
      const direct = await t.gql(`query($id: ID!) { alert(id: $id) { id } }`, { id: alert.id }, dispatcher);
      expect(direct.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await alertsAbout(t, duty, { sourceId: incident.id })).map((a) => a.id)).toContain(alert.id);

      // Assigned to the transport group, the incident's alert becomes the dispatcher's too.
      const assigned = await t.gql(
        `mutation($input: AssignIncidentInput!) { assignIncident(input: $input) { id assignedGroup } }`,
        { input: { id: incident.id, assignedGroup: 'TRANSPORT' } },
        duty,
      );
      expect(assigned.errors).toBeUndefined();
      await waitFor(
        async () => (await alertsAbout(t, dispatcher, { sourceId: incident.id })).find((a) => a.id === alert.id),
        'the dispatcher to see it',
      );

      const liaison = await t.login('liaison');
      const asLiaison = await t.gql('{ alerts { id } }', {}, liaison);
      expect(asLiaison.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await incidentStep(t, duty, 'resolve', incident.id);
    });
  });
});
