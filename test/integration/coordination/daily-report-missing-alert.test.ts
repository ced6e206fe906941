import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atHqTime } from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, param } from '../alerts/alert-support';
import { createType, ok, submit, typeBoard, unitIds } from './daily-report-helpers';

const RULE = 'daily-report-missing';
const DAY = '2026-03-02';
const MINUTE = 60_000;
const LEADER_FIGURE = '{ leaderDashboard { dailyReportsMissingToday } }';

describe('missing daily reports: listed at the due time, a late report is marked late and clears its unit', () => {
  let t: TestApp;
  let clock: ManualClock;
  let coordinator: string;
  let leader: string;
  let liaison: string;
  let dispatcher: string;
  let units: Record<string, string>;
  const tick = () => t.app.modules.alerts.engine.tick();

  beforeAll(async () => {
    clock = new ManualClock(atHqTime(DAY, '09:00'));
    t = await startTestApp({ clock });
    [coordinator, leader, liaison, dispatcher] = await Promise.all([
      t.login('coordinator'),
      t.login('leader'),
      t.login('liaison'),
      t.login('dispatcher'),
    ]);
    units = await unitIds(t, await t.login('admin'));
  });
  afterAll(() => t?.close());

  it('at 15:59 nothing is missing yet; at 16:00 and 16:01 the four units are listed to the coordinator and the leader', async () => {
    const type = await createType(t, coordinator, '16:00', '日调度');
    const about = (cookie: string) => alertsAbout(t, cookie, { sourceId: type.id, ruleId: RULE });

    clock.set(atHqTime(DAY, '15:59'));
    await tick();
    expect(await about(coordinator)).toEqual([]);
    expect((await typeBoard(t, coordinator, type.id, DAY)).counts).toMatchObject({ pending: 4, missing: 0 });
    const before = ok(await t.gql<{ leaderDashboard: { dailyReportsMissingToday: number } }>(LEADER_FIGURE, {}, leader));

    clock.set(atHqTime(DAY, '16:00'));
    await tick();
    const [alert] = await about(coordinator);
    expect(alert).toMatchObject({ status: 'RAISED', level: 'WARNING', workingGroup: 'COORDINATION' });
    expect(param(alert!, 'count')).toBe('4');
    expect(param(alert!, 'dueTime')).toBe('16:00');
    expect(param(alert!, 'day')).toBe(DAY);
    expect(param(alert!, 'units')).toContain('县农业农村局');
    expect((await about(leader)).map((a) => a.id)).toEqual([alert!.id]);
    expect(await about(dispatcher)).toEqual([]); // transport's people are not the ones to chase reports
    expect((await typeBoard(t, coordinator, type.id, DAY)).counts).toMatchObject({ pending: 0, missing: 4 });
    const after = ok(await t.gql<{ leaderDashboard: { dailyReportsMissingToday: number } }>(LEADER_FIGURE, {}, leader));
    expect(after.leaderDashboard.dailyReportsMissingToday - before.leaderDashboard.dailyReportsMissingToday).toBe(4);

    clock.set(atHqTime(DAY, '16:01'));
    await tick();
    expect((await about(coordinator)).map((a) => [a.id, a.status])).toEqual([[alert!.id, 'RAISED']]);
  });

  it('a report filed before the due time is on time; one filed after is late, still counts as filed, and the alert resolves with the last', async () => {
    const type = await createType(t, coordinator, '11:30', '缺勤及健康状况日报');
    const about = () => alertsAbout(t, coordinator, { sourceId: type.id, ruleId: RULE });
    clock.set(atHqTime(DAY, '11:29'));
    const early = ok(await submit(t, liaison, { typeId: type.id, values: [{ key: 'absentStaff', number: 2 }] })).submitDailyReport;
    expect(early).toMatchObject({ day: DAY, late: false, unitId: units['AGRICULTURE'] });

    clock.set(atHqTime(DAY, '11:30'));
    await tick();
    const [alert] = await about();
    expect(param(alert!, 'count')).toBe('3');
    expect(param(alert!, 'units')).not.toContain('县农业农村局');

    // The coordinator records what two units phoned in, 40 minutes late (代报).
    clock.advance(40 * MINUTE);
    const late = ok(await submit(t, coordinator, { typeId: type.id, unitId: units['COMMERCE'], zero: true })).submitDailyReport;
    expect(late).toMatchObject({ late: true, zero: true });
    ok(await submit(t, coordinator, { typeId: type.id, unitId: units['INDUSTRY'], note: '无缺勤' }));
    await tick();
    const [still] = await about();
    expect([still!.id, still!.status, param(still!, 'count'), param(still!, 'units')]).toEqual([alert!.id, 'RAISED', '1', '县卫生健康局']);
    const board = await typeBoard(t, coordinator, type.id, DAY);
    expect(Object.fromEntries(board.units.map((u) => [u.unitCode, u.status]))).toMatchObject({
      AGRICULTURE: 'ON_TIME',
      COMMERCE: 'LATE',
      INDUSTRY: 'LATE',
      HEALTH: 'MISSING',
    });

    ok(await submit(t, coordinator, { typeId: type.id, unitId: units['HEALTH'], zero: true }));
    await tick();
    expect((await about()).map((a) => [a.id, a.status])).toEqual([[alert!.id, 'RESOLVED']]);
    expect((await typeBoard(t, coordinator, type.id, DAY)).counts).toMatchObject({ onTime: 1, late: 3, missing: 0, zero: 2 });
  });
});
