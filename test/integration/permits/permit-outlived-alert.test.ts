import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, param } from '../alerts/alert-support';
import { ATTACH, issuePermit, jobFor, vehicleOf } from './permit-links-helpers';
import { ok, REVOKE } from './permits-helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RULE = 'permit-outlived-by-job';
const STEP = (name: string) => `mutation($input: DispatchOrderStepInput!) { ${name}(input: $input) { id version } }`;
const RELEASE = `mutation($input: ReleaseVehicleInput!) { releaseVehicle(input: $input) { id } }`;

describe('a job under way that outlives its permit warns the transport group', () => {
  let t: TestApp;
  let clock: ManualClock;
  let liaison: string;
  let dispatcher: string;
  let logistics: string;
  const tick = () => t.app.modules.alerts.engine.tick();

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
    [liaison, dispatcher, logistics] = await Promise.all([t.login('liaison'), t.login('dispatcher'), t.login('logistics')]);
  });
  afterAll(() => t?.close());

  /** A vehicle of that plate on a new order under its own permit (valid from half an hour ago for `hours`), departed. */
  async function jobUnderWay(plate: string, hours: number, expectedEndInHours: number) {
    const permit = await issuePermit(t, { liaison, dispatcher }, clock.now(), { plate, hours });
    const job = await jobFor(t, dispatcher, plate);
    const expectedEndAt = new Date(clock.now().getTime() + expectedEndInHours * HOUR).toISOString();
    ok(await t.gql(ATTACH, { input: { assignmentId: job.assignmentId, permitId: permit.id, expectedEndAt } }, dispatcher));
    ok(await t.gql(STEP('markOrderDeparted'), { input: { orderId: job.orderId } }, dispatcher));
    return { permit, job };
  }

  it('stays quiet while the permit lasts the job, warns when a late job nears the permit’s end, and keeps warning once it has ended', async () => {
    // Permit until +2.5 h; the job is expected back at +2 h.
    const { permit, job } = await jobUnderWay('京A8J275', 3, 2);
    await tick();
    expect(await alertsAbout(t, dispatcher, { sourceId: job.orderId, ruleId: RULE })).toEqual([]);

    clock.advance(2 * HOUR - MINUTE); // the permit ends within the hour's lead, but the job is not late: the permit lasts it
    await tick();
    expect(await alertsAbout(t, dispatcher, { sourceId: job.orderId, ruleId: RULE })).toEqual([]);

    clock.advance(2 * MINUTE); // late now, and the permit ends in 29 minutes, within the hour's lead
    await tick();
    const [soon] = await alertsAbout(t, dispatcher, { sourceId: job.orderId, ruleId: RULE });
    expect(soon).toMatchObject({
      level: 'WARNING',
      status: 'RAISED',
      workingGroup: 'TRANSPORT',
      source: { entityType: 'DispatchOrder', entityId: job.orderId },
    });
    expect(param(soon!, 'permitOutlivedReason')).toBe('ENDS_SOON');
    expect(param(soon!, 'permitNumber')).toBe(permit.number);
    expect(param(soon!, 'plate')).toBe('京A8J275');
    expect(param(soon!, 'orderNumber')).toBe(job.orderNumber);
    // Another group's staff do not see it.
    expect(await alertsAbout(t, logistics, { sourceId: job.orderId, ruleId: RULE })).toEqual([]);

    clock.advance(30 * MINUTE); // the permit has ended, the vehicle is still out
    [dispatcher] = await Promise.all([t.login('dispatcher')]);
    await tick();
    const standing = (await alertsAbout(t, dispatcher, { sourceId: job.orderId, ruleId: RULE })).filter((a) => a.status !== 'RESOLVED');
    expect(standing).toHaveLength(1);

    // The vehicle comes back and is released: the condition clears.
    ok(await t.gql(STEP('markOrderArrived'), { input: { orderId: job.orderId } }, dispatcher));
    ok(await t.gql(STEP('completeDispatchOrder'), { input: { orderId: job.orderId } }, dispatcher));
    const vehicle = await vehicleOf(t, dispatcher, '京A8J275');
    ok(await t.gql(RELEASE, { input: { vehicleId: vehicle.id, toStatus: 'STANDBY' } }, dispatcher));
    await tick();
    const after = await alertsAbout(t, dispatcher, { sourceId: job.orderId, ruleId: RULE });
    expect(after.map((a) => a.status)).toEqual(['RESOLVED']);
  });

  it('warns at once when the permit of a job under way is revoked', async () => {
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
    const { permit, job } = await jobUnderWay('京B3W027', 24, 4);
    await tick();
    expect(await alertsAbout(t, dispatcher, { sourceId: job.orderId, ruleId: RULE })).toEqual([]);
    ok(await t.gql(REVOKE, { input: { permitId: permit.id, reason: '驾驶员健康证明失效' } }, dispatcher));
    await tick();
    const [revoked] = await alertsAbout(t, dispatcher, { sourceId: job.orderId, ruleId: RULE });
    expect(revoked?.status).toBe('RAISED');
    expect(param(revoked!, 'permitOutlivedReason')).toBe('REVOKED');
  });

  it('raises nothing for a job that has not left, even with a revoked permit attached', async () => {
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
    const permit = await issuePermit(t, { liaison, dispatcher }, clock.now(), { plate: '京B3W038', hours: 24 });
    const job = await jobFor(t, dispatcher, '京B3W038');
    ok(await t.gql(ATTACH, { input: { assignmentId: job.assignmentId, permitId: permit.id } }, dispatcher));
    ok(await t.gql(REVOKE, { input: { permitId: permit.id, reason: '车辆改派' } }, dispatcher));
    await tick();
    // Not under way: nothing on the road outlives anything yet.
    expect(await alertsAbout(t, dispatcher, { sourceId: job.orderId, ruleId: RULE })).toEqual([]);
  });
});
