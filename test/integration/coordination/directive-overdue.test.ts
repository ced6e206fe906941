import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atHqTime } from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, waitFor } from '../alerts/alert-support';
import { ok } from '../duty/duty-helpers';
import { createDirective, step } from './directive-helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * With a clock the test moves: an open directive past its deadline raises `directive-overdue`
 * for the leader the duty roster names for now (not merely the first leader by name), and it
 * moves on to the next leader when nobody acknowledges it; finishing the directive clears it.
 */
describe('an overdue directive escalates to the leader on duty', () => {
  let t: TestApp;
  // Years ahead, where the demo roster is empty until this test plans it.
  const clock = new ManualClock(atHqTime('2030-03-10', '09:20'));
  let coordinator: string;
  let logistics: string;
  let admin: string;
  let leaderOnDuty: { id: string };
  let firstByName: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [coordinator, logistics, admin] = await Promise.all([t.login('coordinator'), t.login('logistics'), t.login('admin')]);
    const created = await t.gql<{ createUser: { id: string } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { username: 'leader-z', displayName: '带班领导 Z', password: 'overdue-test-password', roles: ['LEADER'] } },
      admin,
    );
    leaderOnDuty = ok(created).createUser;
    const users = ok(await t.gql<{ users: { id: string; username: string }[] }>('{ users { id username } }', {}, admin)).users;
    firstByName = users.find((u) => u.username === 'leader')!;
    const duty = users.find((u) => u.username === 'duty')!;
    // The roster puts leader-z on duty now: escalation starts with them, although 'leader' sorts first.
    ok(
      await t.gql(
        `mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { id } }`,
        {
          input: {
            startsAt: new Date(clock.now().getTime() - HOUR).toISOString(),
            endsAt: new Date(clock.now().getTime() + 12 * HOUR).toISOString(),
            note: '',
            members: [
              { userId: duty.id, role: 'OFFICER' },
              { userId: leaderOnDuty.id, role: 'LEADER' },
            ],
          },
        },
        await t.login('leader'),
      ),
    );
  });
  afterAll(() => t?.close());

  const engine = () => t.app.modules.alerts.engine;

  it('is raised at the deadline for the leader on duty, escalates when ignored, and clears when the last assignee finishes', async () => {
    const leader = await t.login('leader');
    const directive = await createDirective(t, coordinator, [{ group: 'LOGISTICS' }], {}, clock.now());
    await engine().tick();
    expect(await alertsAbout(t, leader, { sourceId: directive.id, ruleId: 'directive-overdue' })).toEqual([]);

    clock.advance(2 * HOUR - 1_000);
    await engine().tick();
    expect(await alertsAbout(t, leader, { sourceId: directive.id, ruleId: 'directive-overdue' })).toEqual([]);

    clock.advance(1_000);
    await engine().tick();
    const alert = await waitFor(
      async () => (await alertsAbout(t, leader, { sourceId: directive.id, ruleId: 'directive-overdue' }))[0],
      'the alert',
    );
    expect(alert).toMatchObject({ level: 'CRITICAL', status: 'RAISED', escalationLevel: 0, assignedLeader: { id: leaderOnDuty.id } });
    expect(alert.params).toEqual(expect.arrayContaining([{ name: 'owner', value: '陈科长' }]));

    clock.advance(30 * MINUTE);
    await engine().tick();
    const escalated = (await alertsAbout(t, leader, { sourceId: directive.id, ruleId: 'directive-overdue' }))[0]!;
    expect(escalated).toMatchObject({ escalationLevel: 1, assignedLeader: { id: firstByName.id } });

    const board = ok(
      await t.gql<{ directives: { id: string; overdue: boolean }[] }>(
        '{ directives(filter: { onlyOverdue: true }) { id overdue } }',
        {},
        coordinator,
      ),
    );
    expect(board.directives).toContainEqual({ id: directive.id, overdue: true });
    const figures = ok(
      await t.gql<{ leaderDashboard: { directivesOpen: number; directivesOverdue: number } }>(
        '{ leaderDashboard { directivesOpen directivesOverdue } }',
        {},
        leader,
      ),
    );
    expect(figures.leaderDashboard).toEqual({ directivesOpen: 1, directivesOverdue: 1 });

    const assignee = directive.assignees[0]!.id;
    ok(await step(t, logistics, 'accept', assignee));
    ok(await step(t, logistics, 'finish', assignee, '已补给'));
    await engine().tick();
    const resolved = (await alertsAbout(t, leader, { sourceId: directive.id, ruleId: 'directive-overdue' }))[0]!;
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'CONDITION_CLEARED' });
  });
});
