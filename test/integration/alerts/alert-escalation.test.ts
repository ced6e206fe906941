import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { alertsAbout, reportIncident, waitFor } from './alert-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username } }`;
const SUBSCRIPTION = `subscription($after: EventPosition) {
  alertChanged(after: $after) { position kind alert { id status escalationLevel assignedLeader { id displayName } } }
}`;

/** Escalation timing with a clock the test moves: nothing here depends on real time passing. */
describe('unacknowledged critical alerts escalate to the next leader', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let duty: string;
  let admin: string;
  let leaders: { id: string; username: string }[];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [duty, admin] = await Promise.all([t.login('duty'), t.login('admin')]);
    // Two more leaders; the order is by user name: leader, leader-b, leader-c.
    for (const username of ['leader-c', 'leader-b']) {
      const created = await t.gql(
        CREATE_USER,
        { input: { username, displayName: `带班领导 ${username}`, password: 'escalation-test-password', roles: ['LEADER'] } },
        admin,
      );
      expect(created.errors).toBeUndefined();
    }
    const users = await t.gql<{ users: { id: string; username: string; roles: string[] }[] }>('{ users { id username roles } }', {}, admin);
    leaders = users.data!.users.filter((u) => u.roles.includes('LEADER')).sort((a, b) => a.username.localeCompare(b.username));
    expect(leaders.map((l) => l.username)).toEqual(['leader', 'leader-b', 'leader-c']);
  });
  afterAll(() => t?.close());

  const engine = () => t.app.modules.alerts.engine;

  it('moves on after the escalation time (10 minutes), round the leaders in order, until someone acknowledges', async () => {
    const leaderCookie = await t.login('leader');
    const client = wsClient(t.wsUrl, await t.login('leader-b', 'escalation-test-password'));
    const live = collect<{
      alertChanged: { kind: string; alert: { id: string; escalationLevel: number; assignedLeader: { id: string } | null } };
    }>(client, SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 300));

    const incident = await reportIncident(t, duty, {
      title: '升级测试：甲类事件超时',
      incidentClass: 'A',
      reportedAt: new Date(clock.now().getTime() - 7 * HOUR),
    });
    const alert = await waitFor(
      async () => (await alertsAbout(t, leaderCookie, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0],
      'the alert',
    );
    expect(alert).toMatchObject({ escalationLevel: 0, assignedLeader: { id: leaders[0]!.id } });

    clock.advance(10 * MINUTE - 1_000);
    await engine().tick();
    expect((await alertsAbout(t, leaderCookie, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0]).toMatchObject({
      escalationLevel: 0,
    });

    clock.advance(1_000);
    await engine().tick();
    await engine().tick(); // a second tick at the same time does not escalate twice
    const first = (await alertsAbout(t, leaderCookie, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0]!;
    expect(first).toMatchObject({ escalationLevel: 1, assignedLeader: { id: leaders[1]!.id }, status: 'RAISED' });
    expect(new Date(first.escalatedAt!).getTime()).toBe(clock.now().getTime());

    // The next leader's console hears of it over the WebSocket.
    const results = await live.until(2);
    const escalation = results.map((r) => r.data!.alertChanged).find((c) => c.alert.id === alert.id && c.alert.escalationLevel === 1);
    expect(escalation).toMatchObject({ kind: 'UPDATED', alert: { assignedLeader: { id: leaders[1]!.id } } });

    clock.advance(10 * MINUTE);
    await engine().tick();
    clock.advance(10 * MINUTE);
    await engine().tick();
    const wrapped = (await alertsAbout(t, leaderCookie, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0]!;
    expect(wrapped).toMatchObject({ escalationLevel: 3, assignedLeader: { id: leaders[0]!.id } });

    const acknowledged = await t.gql(`mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }`, { id: alert.id }, leaderCookie);
    expect(acknowledged.errors).toBeUndefined();
    clock.advance(60 * MINUTE);
    await engine().tick();
    expect((await alertsAbout(t, leaderCookie, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0]).toMatchObject({
      status: 'ACKNOWLEDGED',
      escalationLevel: 3,
    });
    live.unsubscribe();
    await client.dispose();
  });

  it('follows the escalation time an administrator sets, and never escalates warnings', async () => {
    const leaderCookie = await t.login('leader');
    const set = await t.gql(
      `mutation($input: UpdateAlertRuleInput!) { updateAlertRule(input: $input) { escalationMinutes } }`,
      { input: { ruleId: 'incident-past-deadline', escalationMinutes: 3 } },
      admin,
    );
    expect(set.errors).toBeUndefined();
    const incident = await reportIncident(t, duty, {
      title: '升级测试：3 分钟',
      incidentClass: 'A',
      reportedAt: new Date(clock.now().getTime() - 7 * HOUR),
    });
    await waitFor(
      async () => (await alertsAbout(t, leaderCookie, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0],
      'the alert',
    );
    clock.advance(3 * MINUTE);
    await engine().tick();
    const [critical] = await alertsAbout(t, leaderCookie, { sourceId: incident.id, ruleId: 'incident-past-deadline' });
    expect(critical).toMatchObject({ escalationLevel: 1, assignedLeader: { id: leaders[1]!.id } });
    const [warning] = await alertsAbout(t, leaderCookie, { sourceId: incident.id, ruleId: 'incident-unacknowledged' });
    expect(warning).toMatchObject({ level: 'WARNING', escalationLevel: 0, assignedLeader: null });
  });
});
