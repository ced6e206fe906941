import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout } from '../alerts/alert-support';

/** The demo's roster: the demo officer and leader on every shift from two days back to three ahead. */
describe('the demo roster', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('leaves no roster alert standing on a fresh demo, and shows the demo officer and leader on duty', async () => {
    // (The engine's first tick may run before the seed, on an empty roster; the seed's events clear that.)
    await t.app.modules.alerts.engine.tick();
    const leader = await t.login('leader');
    const roster = (await alertsAbout(t, leader)).filter(
      (a) => ['roster-hour-uncovered', 'shift-not-checked-in'].includes(a.ruleId) && a.status !== 'RESOLVED',
    );
    expect(roster).toEqual([]);

    const board = await t.gql<{ leaderDashboard: { dutyOnDuty: { officers: string[]; leaders: string[] }; rosterUncoveredHours: number } }>(
      '{ leaderDashboard { dutyOnDuty { officers leaders } rosterUncoveredHours } }',
      {},
      leader,
    );
    expect(board.data!.leaderDashboard).toEqual({
      dutyOnDuty: { officers: ['王值班 (值班员)'], leaders: ['李带班 (带班领导)'] },
      rosterUncoveredHours: 0,
    });
  });
});
