import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, param, waitFor } from './alert-support';

const READINESS = `{ standbyBoard { readiness { readyCount readyFloor companies { id code readyCount standbyQuota } } companies { id vehicles { id status } } } }`;

interface Readiness {
  standbyBoard: {
    readiness: {
      readyCount: number;
      readyFloor: number;
      companies: { id: string; code: string; readyCount: number; standbyQuota: number }[];
    };
    companies: { id: string; vehicles: { id: string; status: string }[] }[];
  };
}

/** The dispatch module's readiness figures, through the transport group's two alert rules. */
describe('transport readiness alerts', () => {
  let t: TestApp;
  let leader: string;
  let admin: string;
  let dispatcher: string;
  const engine = () => t.app.modules.alerts.engine;

  beforeAll(async () => {
    t = await startTestApp();
    [leader, admin, dispatcher] = await Promise.all([t.login('leader'), t.login('admin'), t.login('dispatcher')]);
  });
  afterAll(() => t?.close());

  it('are registered next to the incident rules', async () => {
    const rules = await t.gql<{ alertRules: { id: string; level: string; triggers: string[] }[] }>(
      '{ alertRules { id level triggers } }',
      {},
      admin,
    );
    expect(rules.data!.alertRules).toEqual(
      expect.arrayContaining([
        { id: 'company-below-standby-quota', level: 'WARNING', triggers: ['vehicle', 'transportCompany'] },
        { id: 'fleet-ready-below-floor', level: 'CRITICAL', triggers: ['vehicle', 'transportCompany'] },
      ]),
    );
  });

  async function readiness(): Promise<Readiness['standbyBoard']> {
    const r = await t.gql<Readiness>(READINESS, {}, dispatcher);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.standbyBoard;
  }
  async function setVehicle(vehicleId: string, status: string) {
    const r = await t.gql(
      `mutation($input: ChangeVehicleStatusInput!) { changeVehicleStatus(input: $input) { id status } }`,
      { input: { vehicleId, status, note: 'alert test' } },
      dispatcher,
    );
    expect(r.errors).toBeUndefined();
  }

  it('a company below its standby quota raises a warning for the transport group, resolved when a vehicle is back on standby', async () => {
    const board = await readiness();
    // Take the company with the most vehicles ready and make its quota exactly that: not below.
    const company = [...board.readiness.companies].sort((a, b) => b.readyCount - a.readyCount)[0]!;
    expect(company.readyCount).toBeGreaterThan(0);
    const q = await t.gql(
      `mutation($input: UpdateCompanyQuotaInput!) { updateCompanyQuota(input: $input) { id standbyQuota } }`,
      { input: { companyId: company.id, standbyQuota: company.readyCount } },
      admin,
    );
    expect(q.errors).toBeUndefined();
    await engine().evaluate('company-below-standby-quota');
    expect((await alertsAbout(t, dispatcher, { sourceId: company.id })).filter((a) => a.status !== 'RESOLVED')).toEqual([]);

    const vehicle = board.companies.find((c) => c.id === company.id)!.vehicles.find((v) => v.status === 'STANDBY')!;
    await setVehicle(vehicle.id, 'MAINTENANCE');
    const alert = await waitFor(
      async () => (await alertsAbout(t, dispatcher, { sourceId: company.id })).find((a) => a.status === 'RAISED'),
      'the quota alert',
    );
    expect(alert).toMatchObject({
      ruleId: 'company-below-standby-quota',
      level: 'WARNING',
      workingGroup: 'TRANSPORT',
      source: { entityType: 'TransportCompany' },
    });
    expect(param(alert, 'readyCount')).toBe(String(company.readyCount - 1));
    expect(param(alert, 'standbyQuota')).toBe(String(company.readyCount));

    await setVehicle(vehicle.id, 'STANDBY');
    await waitFor(
      async () => (await alertsAbout(t, dispatcher, { sourceId: company.id })).find((a) => a.id === alert.id && a.status === 'RESOLVED'),
      'the quota alert to resolve',
    );
  });

  it('the fleet below its ready floor raises a critical alert, resolved when the fleet is back at the floor', async () => {
    const board = await readiness();
    const floor = await t.gql(
      `mutation($f: Int!) { updateFleetReadyFloor(readyFloor: $f) { readyFloor } }`,
      { f: board.readiness.readyCount },
      admin,
    );
    expect(floor.errors).toBeUndefined();
    await engine().evaluate('fleet-ready-below-floor');
    const standing = async () =>
      (await alertsAbout(t, leader, { ruleId: 'fleet-ready-below-floor' })).filter((a) => a.status !== 'RESOLVED');
    expect(await standing()).toEqual([]);

    const vehicle = board.companies.flatMap((c) => c.vehicles).find((v) => v.status === 'STANDBY')!;
    await setVehicle(vehicle.id, 'OFF_DUTY');
    const [alert] = await waitFor(async () => {
      const s = await standing();
      return s.length ? s : undefined;
    }, 'the fleet floor alert');
    expect(alert).toMatchObject({ level: 'CRITICAL', status: 'RAISED', source: { entityType: 'Fleet', entityId: 'fleet' } });
    expect(param(alert!, 'readyCount')).toBe(String(board.readiness.readyCount - 1));

    await setVehicle(vehicle.id, 'STANDBY');
    await waitFor(async () => ((await standing()).length === 0 ? true : undefined), 'the fleet floor alert to resolve');
    const [resolved] = (await alertsAbout(t, leader, { ruleId: 'fleet-ready-below-floor' })).filter((a) => a.id === alert!.id);
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'CONDITION_CLEARED' });
  });

  it('the leader’s board shows vehicles ready per company against quota', async () => {
    const r = await t.gql<{ leaderDashboard: { fleetReady: number; vehiclesReady: { code: string; ready: number; quota: number }[] } }>(
      '{ leaderDashboard { fleetReady vehiclesReady { code ready quota } } }',
      {},
      leader,
    );
    expect(r.errors).toBeUndefined();
    const d = r.data!.leaderDashboard;
    expect(d.vehiclesReady.map((c) => c.code).sort()).toEqual(['GROUP', 'MOTOR', 'WANPING']);
    expect(d.vehiclesReady.reduce((sum, c) => sum + c.ready, 0)).toBe(d.fleetReady);
  });
});
