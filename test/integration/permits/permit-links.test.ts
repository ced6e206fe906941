import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createOrder } from '../dispatch/dispatch-helpers';
import {
  ASSIGNMENT_PERMIT,
  ATTACH,
  ATTACHABLE,
  GRANT,
  issuePermit,
  jobFor,
  SUGGEST,
  vehicleOf,
  WITHDRAW_STANDING,
} from './permit-links-helpers';
import { APPROVE, failure, fileRequest, ok, REVOKE } from './permits-helpers';

const HOUR = 3600_000;

interface Suggestions {
  suggestVehicles: { suggestions: { recommended: boolean; vehicle: { id: string; plate: string } }[] };
}

describe('a permit on a vehicle’s job and standing permits of standby vehicles', () => {
  let t: TestApp;
  let clock: ManualClock;
  let liaison: string;
  let dispatcher: string;
  const cookies = () => ({ liaison, dispatcher });

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
  });
  afterAll(() => t?.close());

  const sql = <T>(query: string, params: unknown[] = []) => t.app.orm.em.fork().getConnection().execute<T[]>(query, params);
  const attach = (input: Record<string, unknown>) =>
    t.gql<{ attachPermitToAssignment: { permit: unknown } }>(ATTACH, { input }, dispatcher);

  it('attaches an issued permit of the vehicle’s plate and cargo that covers the job; the order shows it', async () => {
    const permit = await issuePermit(t, cookies(), clock.now(), { plate: '京A8J275' });
    const job = await jobFor(t, dispatcher, '京A8J275');
    const offered = ok(await t.gql<{ attachablePermits: { id: string }[] }>(ATTACHABLE, { id: job.assignmentId }, dispatcher));
    expect(offered.attachablePermits.map((p) => p.id)).toEqual([permit.id]);

    const end = new Date(clock.now().getTime() + 6 * HOUR).toISOString();
    const attached = ok(await attach({ assignmentId: job.assignmentId, permitId: permit.id, expectedEndAt: end }));
    expect(attached.attachPermitToAssignment.permit).toMatchObject({
      expectedEndAt: end,
      attachedByName: expect.any(String),
      permit: { id: permit.id, number: permit.number, plate: '京A8J275', cargoKind: 'EPIDEMIC_SUPPLIES', valid: true },
    });
    const order = ok(
      await t.gql<{ dispatchOrder: { assignments: { permit: { permit: { number: string } } | null }[] } }>(
        `query($id: ID!) { dispatchOrder(id: $id) { assignments { ${ASSIGNMENT_PERMIT} } } }`,
        { id: job.orderId },
        dispatcher,
      ),
    );
    expect(order.dispatchOrder.assignments.map((a) => a.permit?.permit.number)).toEqual([permit.number]);
  });

  it('refuses another vehicle’s permit, another cargo’s, and one that does not cover the job, naming why', async () => {
    const job = await jobFor(t, dispatcher, '京A8K103');
    const otherPlate = await issuePermit(t, cookies(), clock.now(), { plate: '京A9L202' });
    const coal = await issuePermit(t, cookies(), clock.now(), { plate: '京A8K103', cargoKind: 'COAL' });
    const short = await issuePermit(t, cookies(), clock.now(), { plate: '京A8K103', hours: 3, destinations: ['东环路交通检疫点'] });

    expect(failure(await attach({ assignmentId: job.assignmentId, permitId: otherPlate.id }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'permitLink/wrong_plate',
      field: 'permitId',
    });
    expect(failure(await attach({ assignmentId: job.assignmentId, permitId: coal.id }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'permitLink/cargo_incompatible',
    });
    // The default job is a day's run of 8 hours; a 3-hour permit does not last it.
    expect(failure(await attach({ assignmentId: job.assignmentId, permitId: short.id }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'permitLink/window_not_covered',
    });
    // Said honestly, a 2-hour job fits it.
    const end = new Date(clock.now().getTime() + 2 * HOUR).toISOString();
    ok(await attach({ assignmentId: job.assignmentId, permitId: short.id, expectedEndAt: end }));
    // The dialog offers only the plate's permits fit for the cargo.
    const offered = ok(await t.gql<{ attachablePermits: { id: string }[] }>(ATTACHABLE, { id: job.assignmentId }, dispatcher));
    expect(offered.attachablePermits.map((p) => p.id)).toEqual([short.id]);
  });

  it('refuses a revoked permit and an expired one', async () => {
    const job = await jobFor(t, dispatcher, '京B3W027');
    const revoked = await issuePermit(t, cookies(), clock.now(), { plate: '京B3W027' });
    ok(await t.gql(REVOKE, { input: { permitId: revoked.id, reason: '车辆改派他用' } }, dispatcher));
    expect(failure(await attach({ assignmentId: job.assignmentId, permitId: revoked.id }))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'permitLink/revoked',
    });

    const ending = await issuePermit(t, cookies(), clock.now(), { plate: '京B3W038', hours: 2, destinations: ['西关交通检疫点'] });
    const later = await jobFor(t, dispatcher, '京B3W038');
    clock.advance(2 * HOUR);
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
    expect(failure(await attach({ assignmentId: later.assignmentId, permitId: ending.id }))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'permitLink/expired',
    });
  });

  it('a standby vehicle holding a standing permit fit for the cargo is suggested first; the board shows the permit', async () => {
    const { id: orderId } = await createOrder(t, dispatcher, { cargoKind: 'EPIDEMIC_SUPPLIES', cargoAmount: 3 });
    const before = ok(await t.gql<Suggestions>(SUGGEST, { id: orderId }, dispatcher)).suggestVehicles.suggestions;
    const first = before[0]!.vehicle.plate;
    const holder = before.find((s) => s.vehicle.plate !== first)!.vehicle;

    const permit = await issuePermit(t, cookies(), clock.now(), { plate: holder.plate, hours: 72, origin: '县城', destinations: ['全县'] });
    const granted = ok(
      await t.gql<{ grantStandingPermit: { standingPermit: { permit: { number: string; valid: boolean } } } }>(
        GRANT,
        { input: { vehicleId: holder.id, permitId: permit.id } },
        dispatcher,
      ),
    ).grantStandingPermit;
    expect(granted.standingPermit.permit).toMatchObject({ number: permit.number, valid: true });

    const after = ok(await t.gql<Suggestions>(SUGGEST, { id: orderId }, dispatcher)).suggestVehicles.suggestions;
    expect(after[0]).toMatchObject({ recommended: true, vehicle: { plate: holder.plate } });

    const board = await t.gql<{
      standbyBoard: { companies: { vehicles: { plate: string; standingPermit: { permit: { number: string } } | null }[] }[] };
    }>(`{ standbyBoard { companies { vehicles { plate standingPermit { permit { number } } } } } }`, {}, dispatcher);
    const shown = ok(board)
      .standbyBoard.companies.flatMap((c) => c.vehicles)
      .filter((v) => v.standingPermit);
    expect(shown.map((v) => [v.plate, v.standingPermit!.permit.number])).toEqual([[holder.plate, permit.number]]);

    // Another vehicle may not hold the same permit; withdrawing puts the suggestion back.
    const other = await vehicleOf(t, dispatcher, first);
    expect(failure(await t.gql(GRANT, { input: { vehicleId: other.id, permitId: permit.id } }, dispatcher))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'permitLink/wrong_plate',
    });
    ok(await t.gql(WITHDRAW_STANDING, { input: { vehicleId: holder.id } }, dispatcher));
    const again = ok(await t.gql<Suggestions>(SUGGEST, { id: orderId }, dispatcher)).suggestVehicles.suggestions;
    expect(again[0]!.vehicle.plate).toBe(first);
    expect(failure(await t.gql(WITHDRAW_STANDING, { input: { vehicleId: holder.id } }, dispatcher))).toMatchObject({
      code: 'CONFLICT',
      reason: 'standingPermit/none',
    });
  });

  it('a second valid permit for the same plate and route is issued only when the overlap is confirmed with a reason, and audited', async () => {
    const firstPermit = await issuePermit(t, cookies(), clock.now(), { plate: '京A8K119', destinations: ['北关交通检疫点'] });
    // Same vehicle, a leg in common, windows overlapping: the approval is refused, naming the valid one.
    const request = await fileRequest(t, liaison, clock.now(), {
      plate: '京A8K119',
      cargoKind: 'EPIDEMIC_SUPPLIES',
      origin: '县应急物资储备库',
      destinations: ['南关交通检疫点', '北关 交通检疫点'],
    });
    const refused = await t.gql(APPROVE, { input: { requestId: request.id } }, dispatcher);
    expect(failure(refused)).toMatchObject({ code: 'PERMIT_OVERLAP', reason: 'permit/overlap' });
    expect(failure(refused).message).toContain(firstPermit.number);
    expect(refused.errors![0]!.extensions?.['otherPermitId']).toBe(firstPermit.id);
    // Nothing was issued: the request still waits.
    const [waiting] = await sql<{ status: string }>(`select status from permit_request where id = ?`, [request.id]);
    expect(waiting?.status).toBe('SUBMITTED');

    const second = await issuePermit(t, cookies(), clock.now(), {
      plate: '京A8K119',
      destinations: ['北关交通检疫点'],
      fromHours: 2,
      confirm: { confirmOverlap: true, overlapReason: '两车次分别运送，前一张证件将于次日收回' },
    });
    const [row] = await sql<{ other_permit_id: string; action: string; reason: string }>(
      `select other_permit_id, action, reason from permit_overlap_confirmation where permit_id = ?`,
      [second.id],
    );
    expect(row).toMatchObject({ other_permit_id: firstPermit.id, action: 'APPROVE', reason: '两车次分别运送，前一张证件将于次日收回' });
    const audited = await sql<{ after: { reason: string; otherPermitId: string } }>(
      `select after from audit_record where operation = 'approvePermitRequest' and entity_type = 'PermitOverlapConfirmation' and after->>'permitId' = ?`,
      [second.id],
    );
    expect(audited.map((a) => [a.after.otherPermitId, a.after.reason])).toEqual([
      [firstPermit.id, '两车次分别运送，前一张证件将于次日收回'],
    ]);

    // Attaching either to the vehicle's job asks again: two valid permits overlap there too.
    const job = await jobFor(t, dispatcher, '京A8K119');
    expect(failure(await attach({ assignmentId: job.assignmentId, permitId: firstPermit.id }))).toMatchObject({
      code: 'PERMIT_OVERLAP',
      reason: 'permit/overlap',
    });
    expect(failure(await attach({ assignmentId: job.assignmentId, permitId: firstPermit.id, confirmOverlap: true }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'overlapReason',
    });
    ok(await attach({ assignmentId: job.assignmentId, permitId: firstPermit.id, confirmOverlap: true, overlapReason: '按首张证件通行' }));
  });
});
