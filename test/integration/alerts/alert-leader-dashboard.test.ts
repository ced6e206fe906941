import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startOfHqDay } from '@cc/shared';
import { startTestApp, type TestApp } from '../../support/test-app';
import { incidentStep, reportIncident, waitFor } from './alert-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const DASHBOARD = `{ leaderDashboard {
  generatedAt todayStartsAt incidentsPastDeadline
  openIncidents { incidentClass ageBucket count }
  incidentsByClass { incidentClass open pastDeadline }
  alertsByLevel { level count }
  incidentAcknowledgeTimes { count p50Seconds p90Seconds }
} }`;

interface Dashboard {
  generatedAt: string;
  todayStartsAt: string;
  incidentsPastDeadline: number;
  openIncidents: { incidentClass: string; ageBucket: string; count: number }[];
  incidentsByClass: { incidentClass: string; open: number; pastDeadline: number }[];
  alertsByLevel: { level: string; count: number }[];
  incidentAcknowledgeTimes: { count: number; p50Seconds: number | null; p90Seconds: number | null };
}

describe('the leader’s dashboard', () => {
  let t: TestApp;
  // A day of its own, a few days after the demo data was seeded: "today" holds only this test's work.
  const clock = new ManualClock(new Date(startOfHqDay(new Date(Date.now() + 3 * DAY)).getTime() + 10 * HOUR));
  let duty: string;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    [duty, leader] = await Promise.all([t.login('duty'), t.login('leader')]);
  });
  afterAll(() => t?.close());

  async function dashboard(): Promise<Dashboard> {
    const r = await t.gql<{ leaderDashboard: Dashboard }>(DASHBOARD, {}, leader);
    expect(r.errors).toBeUndefined();
    return r.data!.leaderDashboard;
  }
  const cell = (d: Dashboard, incidentClass: string, ageBucket: string) =>
    d.openIncidents.find((c) => c.incidentClass === incidentClass && c.ageBucket === ageBucket)!.count;

  it('shows open incidents by class and age, those past deadline, and today’s acknowledgement times as percentiles', async () => {
    const before = await dashboard();
    expect(before.openIncidents).toHaveLength(3 * 4);
    expect(new Date(before.todayStartsAt).getTime()).toBe(startOfHqDay(clock.now()).getTime());
    expect(before.incidentAcknowledgeTimes).toEqual({ count: 0, p50Seconds: null, p90Seconds: null });

    const first = await reportIncident(t, duty, { title: '看板 1', incidentClass: 'A' });
    const second = await reportIncident(t, duty, { title: '看板 2', incidentClass: 'A' });
    const third = await reportIncident(t, duty, { title: '看板 3', incidentClass: 'C' });
    clock.advance(2 * MINUTE);
    await incidentStep(t, duty, 'acknowledge', first.id);
    clock.advance(2 * MINUTE);
    await incidentStep(t, duty, 'acknowledge', second.id);
    clock.advance(6 * MINUTE);
    await incidentStep(t, leader, 'acknowledge', third.id);
    const late = await reportIncident(t, duty, {
      title: '看板 4：乙类已超时',
      incidentClass: 'B',
      reportedAt: new Date(clock.now().getTime() - 13 * HOUR),
    });

    const after = await dashboard();
    expect(cell(after, 'A', 'UNDER_1H') - cell(before, 'A', 'UNDER_1H')).toBe(2);
    expect(cell(after, 'C', 'UNDER_1H') - cell(before, 'C', 'UNDER_1H')).toBe(1);
    expect(cell(after, 'B', 'FROM_6H_TO_24H') - cell(before, 'B', 'FROM_6H_TO_24H')).toBe(1);
    expect(after.incidentsPastDeadline - before.incidentsPastDeadline).toBe(1);
    const classB = (d: Dashboard) => d.incidentsByClass.find((c) => c.incidentClass === 'B')!;
    expect(classB(after).pastDeadline - classB(before).pastDeadline).toBe(1);
    expect(classB(after).open - classB(before).open).toBe(1);
    // Acknowledged after 120 s, 240 s and 600 s: median 240, 90th percentile 240 + 0.8 × 360 = 528 (interpolated).
    expect(after.incidentAcknowledgeTimes).toEqual({ count: 3, p50Seconds: 240, p90Seconds: 528 });

    const withAlert = await waitFor(async () => {
      const d = await dashboard();
      return d.alertsByLevel.find((l) => l.level === 'CRITICAL')!.count > before.alertsByLevel.find((l) => l.level === 'CRITICAL')!.count
        ? d
        : undefined;
    }, 'the past-deadline alert to show on the board');
    expect(withAlert.alertsByLevel.map((l) => l.level)).toEqual(['INFO', 'WARNING', 'CRITICAL']);
    await incidentStep(t, duty, 'resolve', late.id);
  });

  it('is the leader’s and the administrator’s only', async () => {
    const asDuty = await t.gql(DASHBOARD, {}, duty);
    expect(asDuty.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asAdmin = await t.gql(DASHBOARD, {}, await t.login('admin'));
    expect(asAdmin.errors).toBeUndefined();
  });
});
