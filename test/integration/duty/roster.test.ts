import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atHqTime } from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { alertsAbout, param, reportIncident } from '../alerts/alert-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const SHIFT = 'id version startsAt endsAt note deleted members { userId displayName role checkedInAt }';
const CREATE = `mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { ${SHIFT} } }`;
const UPDATE = `mutation($input: UpdateDutyShiftInput!) { updateDutyShift(input: $input) { ${SHIFT} } }`;
const DELETE = `mutation($input: DutyShiftRefInput!) { deleteDutyShift(input: $input) { ${SHIFT} } }`;
const CHECK_IN = `mutation($input: DutyShiftRefInput!) { checkInDutyShift(input: $input) { ${SHIFT} } }`;
const ROSTER = `query($from: DateTimeISO!, $to: DateTimeISO!) { dutyRoster(from: $from, to: $to) { ${SHIFT} } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username } }`;

interface Shift {
  id: string;
  version: number;
  startsAt: string;
  endsAt: string;
  deleted: boolean;
  members: { userId: string; role: string; checkedInAt: string | null }[];
}

/**
 * The roster with a clock the test moves. The demo roster covers the real days around now; this
 * file works years later (2030), where the roster is empty until it plans it.
 */
describe('the duty roster (排班表)', () => {
  let t: TestApp;
  const clock = new ManualClock(atHqTime('2030-03-10', '09:20'));
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const engine = () => t.app.modules.alerts.engine;

  /** Sessions live 12 hours on the test's clock: sign in again after moving it far. */
  async function signIn() {
    for (const user of ['duty', 'leader', 'dispatcher', 'admin']) cookies[user] = await t.login(user);
    cookies['leader-b'] = await t.login('leader-b', 'roster-test-password');
    cookies['leader-c'] = await t.login('leader-c', 'roster-test-password');
  }

  async function plan(startsAt: Date, endsAt: Date, members: [string, string][], as = 'leader'): Promise<Shift> {
    const response = await t.gql<{ createDutyShift: Shift }>(
      CREATE,
      { input: { startsAt, endsAt, note: '', members: members.map(([user, role]) => ({ userId: ids[user], role })) } },
      cookies[as],
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.createDutyShift;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const admin = await t.login('admin');
    for (const username of ['leader-b', 'leader-c']) {
      const created = await t.gql(
        CREATE_USER,
        { input: { username, displayName: `带班领导 ${username}`, password: 'roster-test-password', roles: ['LEADER'] } },
        admin,
      );
      expect(created.errors).toBeUndefined();
    }
    const users = await t.gql<{ users: { id: string; username: string }[] }>('{ users { id username } }', {}, admin);
    for (const u of users.data!.users) ids[u.username] = u.id;
    await signIn();
  });
  afterAll(() => t?.close());

  describe('planning', () => {
    it('refuses a shift that ends before it starts, a person twice, and a leader on duty who is not a leader', async () => {
      const start = atHqTime('2030-03-11', '08:00');
      const backwards = await t.gql(
        CREATE,
        { input: { startsAt: start, endsAt: new Date(start.getTime() - HOUR), members: [{ userId: ids['duty'], role: 'OFFICER' }] } },
        cookies['leader'],
      );
      expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'dutyShift/ends_before_start' });
      expect(backwards.errors?.[0]?.message).toMatch(/end after it starts/);

      const twice = await t.gql(
        CREATE,
        {
          input: {
            startsAt: start,
            endsAt: new Date(start.getTime() + 8 * HOUR),
            members: [
              { userId: ids['leader'], role: 'LEADER' },
              { userId: ids['leader'], role: 'BACKUP' },
            ],
          },
        },
        cookies['leader'],
      );
      expect(twice.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'dutyShift/member_twice',
        userId: ids['leader'],
      });

      const notALeader = await t.gql(
        CREATE,
        { input: { startsAt: start, endsAt: new Date(start.getTime() + 8 * HOUR), members: [{ userId: ids['duty'], role: 'LEADER' }] } },
        cookies['leader'],
      );
      expect(notALeader.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'dutyShift/leader_role_required' });
    });

    it('lets leaders plan and edit, not duty officers; overlapping shifts are allowed; a stale edit is refused', async () => {
      const start = atHqTime('2030-03-12', '20:00'); // a night shift across HQ midnight
      const byOfficer = await t.gql(
        CREATE,
        { input: { startsAt: start, endsAt: new Date(start.getTime() + 12 * HOUR), members: [{ userId: ids['duty'], role: 'OFFICER' }] } },
        cookies['duty'],
      );
      expect(byOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const night = await plan(start, new Date(start.getTime() + 12 * HOUR), [
        ['duty', 'OFFICER'],
        ['leader', 'LEADER'],
      ]);
      const overlap = await plan(new Date(start.getTime() + 11 * HOUR), new Date(start.getTime() + 23 * HOUR), [['leader-b', 'LEADER']]);
      expect(overlap.members).toHaveLength(1);

      const edited = await t.gql<{ updateDutyShift: Shift }>(
        UPDATE,
        {
          input: {
            id: night.id,
            expectedVersion: night.version,
            startsAt: start,
            endsAt: new Date(start.getTime() + 12 * HOUR),
            note: '加备班',
            members: [
              { userId: ids['duty'], role: 'OFFICER' },
              { userId: ids['leader'], role: 'LEADER' },
              { userId: ids['dispatcher'], role: 'BACKUP' },
            ],
          },
        },
        cookies['leader'],
      );
      expect(edited.errors).toBeUndefined();
      expect(edited.data!.updateDutyShift.members.map((m) => m.role)).toEqual(['LEADER', 'OFFICER', 'BACKUP']);
      expect(edited.data!.updateDutyShift.version).toBeGreaterThan(night.version);

      const stale = await t.gql(
        UPDATE,
        {
          input: {
            id: night.id,
            expectedVersion: night.version,
            startsAt: start,
            endsAt: new Date(start.getTime() + 12 * HOUR),
            members: [{ userId: ids['duty'], role: 'OFFICER' }],
          },
        },
        cookies['leader'],
      );
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'dutyShift/stale' });

      const roster = await t.gql<{ dutyRoster: Shift[] }>(
        ROSTER,
        { from: atHqTime('2030-03-13', '00:00'), to: atHqTime('2030-03-14', '00:00') },
        cookies['dispatcher'],
      );
      expect(roster.errors).toBeUndefined();
      expect(roster.data!.dutyRoster.map((s) => s.id)).toEqual([night.id, overlap.id]);

      const removed = await t.gql<{ deleteDutyShift: Shift }>(DELETE, { input: { shiftId: overlap.id } }, cookies['leader']);
      expect(removed.data!.deleteDutyShift).toMatchObject({ id: overlap.id, deleted: true });
    });
  });

  describe('check-in (签到)', () => {
    it('is open to the shift’s own members from 30 minutes before the start until the end', async () => {
      clock.set(atHqTime('2030-03-20', '07:00'));
      await signIn();
      const start = atHqTime('2030-03-20', '08:00');
      const shift = await plan(start, atHqTime('2030-03-20', '20:00'), [
        ['duty', 'OFFICER'],
        ['leader', 'LEADER'],
      ]);

      const early = await t.gql(CHECK_IN, { input: { shiftId: shift.id } }, cookies['duty']);
      expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'dutyShift/check_in_not_open' });

      clock.set(atHqTime('2030-03-20', '07:30'));
      const stranger = await t.gql(CHECK_IN, { input: { shiftId: shift.id } }, cookies['dispatcher']);
      expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(stranger.errors?.[0]?.message).toMatch(/not on this shift/);

      const onTime = await t.gql<{ checkInDutyShift: Shift }>(CHECK_IN, { input: { shiftId: shift.id } }, cookies['duty']);
      expect(onTime.errors).toBeUndefined();
      const officer = onTime.data!.checkInDutyShift.members.find((m) => m.userId === ids['duty'])!;
      expect(new Date(officer.checkedInAt!).getTime()).toBe(clock.now().getTime());

      clock.set(atHqTime('2030-03-20', '20:00'));
      await signIn();
      const late = await t.gql(CHECK_IN, { input: { shiftId: shift.id } }, cookies['leader']);
      expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'dutyShift/check_in_closed' });

      const deleteCheckedIn = await t.gql(DELETE, { input: { shiftId: shift.id } }, cookies['leader']);
      expect(deleteCheckedIn.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'dutyShift/checked_in' });
    });
  });

  describe('alert rules', () => {
    it('roster-hour-uncovered: warns of the next 24 hours with nobody on the roster, and clears once a leader plans them', async () => {
      clock.set(atHqTime('2030-04-01', '21:30'));
      await signIn();
      await engine().tick();
      const uncovered = async () =>
        (await alertsAbout(t, cookies['leader']!, { ruleId: 'roster-hour-uncovered' })).filter((a) =>
          param(a, 'from')!.startsWith('2030-04'),
        );
      const [gap] = await uncovered();
      expect(gap).toMatchObject({ level: 'WARNING', status: 'RAISED', workingGroup: 'DUTY' });
      expect(param(gap!, 'missing')).toBe('OFFICER,LEADER');
      expect(param(gap!, 'hours')).toBe('24');
      expect(param(gap!, 'fromLabel')).toBe('04-01 21:00');

      // Across HQ midnight: an evening shift and a day shift with the officer only leave the leader missing 08:00–21:00.
      await plan(atHqTime('2030-04-01', '21:00'), atHqTime('2030-04-02', '08:00'), [
        ['duty', 'OFFICER'],
        ['leader', 'LEADER'],
      ]);
      await plan(atHqTime('2030-04-02', '08:00'), atHqTime('2030-04-02', '22:00'), [['duty', 'OFFICER']]);
      await engine().tick();
      const now = await uncovered();
      expect(now.find((a) => a.id === gap!.id)?.status).toBe('RESOLVED');
      const standing = now.filter((a) => a.status === 'RAISED');
      expect(standing.map((a) => [param(a, 'fromLabel'), param(a, 'toLabel'), param(a, 'missing')])).toEqual([
        ['04-02 08:00', '04-02 21:00', 'LEADER'],
      ]);

      await plan(atHqTime('2030-04-02', '08:00'), atHqTime('2030-04-02', '22:00'), [['leader-b', 'LEADER']]);
      await engine().tick();
      expect((await uncovered()).filter((a) => a.status === 'RAISED')).toEqual([]);
    });

    it('shift-not-checked-in: a critical alert 15 minutes into a shift nobody checked in to, for the leader on duty; cleared by a check-in', async () => {
      clock.set(atHqTime('2030-05-01', '07:50'));
      await signIn();
      const shift = await plan(atHqTime('2030-05-01', '08:00'), atHqTime('2030-05-01', '20:00'), [
        ['duty', 'OFFICER'],
        ['leader-c', 'LEADER'],
      ]);
      const about = () => alertsAbout(t, cookies['leader']!, { sourceId: shift.id, ruleId: 'shift-not-checked-in' });
      clock.set(atHqTime('2030-05-01', '08:14'));
      await engine().tick();
      expect(await about()).toEqual([]);

      clock.set(atHqTime('2030-05-01', '08:15'));
      await engine().tick();
      const [alert] = await about();
      expect(alert).toMatchObject({ level: 'CRITICAL', status: 'RAISED', assignedLeader: { id: ids['leader-c'] } });
      expect(param(alert!, 'startLabel')).toBe('05-01 08:00');

      const checkedIn = await t.gql(CHECK_IN, { input: { shiftId: shift.id } }, cookies['duty']);
      expect(checkedIn.errors).toBeUndefined();
      await engine().tick();
      expect((await about())[0]).toMatchObject({ id: alert!.id, status: 'RESOLVED', resolution: 'CONDITION_CLEARED' });
    });
  });

  describe('escalation follows the roster', () => {
    it('gives a critical alert of any module to the leader on duty first, then the backup, then the next shift’s leader', async () => {
      clock.set(atHqTime('2030-06-01', '10:00'));
      await signIn();
      await plan(atHqTime('2030-06-01', '08:00'), atHqTime('2030-06-01', '20:00'), [
        ['duty', 'OFFICER'],
        ['leader-c', 'LEADER'],
        ['leader-b', 'BACKUP'],
      ]);
      await plan(atHqTime('2030-06-01', '20:00'), atHqTime('2030-06-02', '08:00'), [
        ['duty', 'OFFICER'],
        ['leader', 'LEADER'],
      ]);
      const incident = await reportIncident(t, cookies['duty']!, {
        title: '升级测试：带班领导优先',
        incidentClass: 'A',
        reportedAt: new Date(clock.now().getTime() - 7 * HOUR),
      });
      await engine().tick();
      const about = async () => (await alertsAbout(t, cookies['leader']!, { sourceId: incident.id, ruleId: 'incident-past-deadline' }))[0];
      expect(await about()).toMatchObject({ escalationLevel: 0, assignedLeader: { id: ids['leader-c'] } });

      clock.advance(10 * MINUTE);
      await engine().tick();
      expect(await about()).toMatchObject({ escalationLevel: 1, assignedLeader: { id: ids['leader-b'] } });

      clock.advance(10 * MINUTE);
      await engine().tick();
      expect(await about()).toMatchObject({ escalationLevel: 2, assignedLeader: { id: ids['leader'] } });
    });
  });
  describe('the leader’s board and live changes', () => {
    it('shows who is on duty now and the uncovered hours of the next 24, re-read at the next hour', async () => {
      // The roster of the escalation test: 08:00–20:00 leader-c, duty, leader-b (backup); 20:00–08:00 leader, duty.
      clock.set(atHqTime('2030-06-01', '10:30'));
      await signIn();
      const board = await t.gql<{
        leaderDashboard: {
          nextClockChangeAt: string;
          dutyOnDuty: { officers: string[]; leaders: string[]; backups: string[] };
          rosterUncoveredHours: number;
          rosterFirstUncoveredAt: string;
        };
      }>(
        '{ leaderDashboard { nextClockChangeAt dutyOnDuty { officers leaders backups } rosterUncoveredHours rosterFirstUncoveredAt } }',
        {},
        cookies['leader'],
      );
      expect(board.errors).toBeUndefined();
      const figures = board.data!.leaderDashboard;
      expect(figures.dutyOnDuty).toEqual({ officers: ['王值班 (值班员)'], leaders: ['带班领导 leader-c'], backups: ['带班领导 leader-b'] });
      // 10:00 today to 10:00 tomorrow: 08:00–10:00 tomorrow has nobody.
      expect(figures.rosterUncoveredHours).toBe(2);
      expect(figures.rosterFirstUncoveredAt).toBe(atHqTime('2030-06-02', '08:00').toISOString());
      expect(figures.nextClockChangeAt).toBe(atHqTime('2030-06-01', '11:00').toISOString());
    });

    it('dutyShiftChanged delivers a planned shift and its removal, marked deleted', async () => {
      const client = wsClient(t.wsUrl, cookies['duty']);
      const live = collect<{ dutyShiftChanged: { kind: string; shift: { id: string; deleted: boolean } } }>(
        client,
        'subscription { dutyShiftChanged { kind shift { id deleted } } }',
      );
      await new Promise((r) => setTimeout(r, 300));
      const shift = await plan(atHqTime('2030-06-03', '08:00'), atHqTime('2030-06-03', '20:00'), [['duty', 'OFFICER']]);
      await live.until(1);
      const removed = await t.gql(DELETE, { input: { shiftId: shift.id } }, cookies['leader']);
      expect(removed.errors).toBeUndefined();
      const results = await live.until(2);
      expect(results.map((r) => r.data!.dutyShiftChanged)).toEqual([
        { kind: 'CREATED', shift: { id: shift.id, deleted: false } },
        { kind: 'DELETED', shift: { id: shift.id, deleted: true } },
      ]);
      live.unsubscribe();
      await client.dispose();
    });
  });
});
