import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { isPermitNumber } from '@cc/shared';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  APPROVE,
  ASK,
  failure,
  fileRequest,
  ONE_PERMIT,
  ONE_REQUEST,
  ok,
  QUEUE,
  REJECT,
  RESUBMIT,
  REVOKE,
  WITHDRAW,
  type Permit,
  type Request,
} from './permits-helpers';

const HOUR = 3600_000;

describe('a permit request from filing to a permit, and the permit to its revocation', () => {
  let t: TestApp;
  let clock: ManualClock;
  let liaison: string;
  let dispatcher: string;

  beforeAll(async () => {
    clock = new ManualClock(new Date('2026-12-07T02:00:00Z'));
    t = await startTestApp({ clock });
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
  });
  afterAll(() => t?.close());

  /** Sessions expire on the test's clock: after moving it by days, sign in again. */
  async function signInAgain(): Promise<void> {
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
  }

  it('files for the liaison’s own unit, keeping only the masked identity number', async () => {
    const request = await fileRequest(t, liaison, clock.now());
    expect(request).toMatchObject({ status: 'SUBMITTED', driverIdMasked: '110***********002X', greenChannel: false });
    const [row] = await t.app.orm.em.fork().getConnection().execute(`select * from permit_request where id = ?`, [request.id]);
    expect(JSON.stringify(row)).not.toContain('11010519491231002X');
  });

  it('approves with a narrowed window and issues an unguessable, well-formed number in the same step', async () => {
    const request = await fileRequest(t, liaison, clock.now());
    const until = new Date(Date.parse(request.requestedUntil) - 24 * HOUR).toISOString();
    const permit = ok(
      await t.gql<{ approvePermitRequest: Permit }>(APPROVE, { input: { requestId: request.id, validUntil: until } }, dispatcher),
    ).approvePermitRequest;
    expect(isPermitNumber(permit.number)).toBe(true);
    expect(permit).toMatchObject({ requestId: request.id, validFrom: request.requestedFrom, validUntil: until, status: 'NOT_YET_VALID' });
    const read = ok(await t.gql<{ permitRequest: Request }>(ONE_REQUEST, { id: request.id }, liaison)).permitRequest;
    expect(read.status).toBe('APPROVED');
    // Approving twice is refused: one request, one permit.
    expect(failure(await t.gql(APPROVE, { input: { requestId: request.id } }, dispatcher)).code).toBe('INVALID_TRANSITION');
  });

  it('never widens the window on approval', async () => {
    const request = await fileRequest(t, liaison, clock.now());
    const later = new Date(Date.parse(request.requestedUntil) + 1_000).toISOString();
    const refused = failure(await t.gql(APPROVE, { input: { requestId: request.id, validUntil: later } }, dispatcher));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'window/widened' });
    const earlier = new Date(Date.parse(request.requestedFrom) - 1_000).toISOString();
    expect(failure(await t.gql(APPROVE, { input: { requestId: request.id, validFrom: earlier } }, dispatcher)).reason).toBe(
      'window/widened',
    );
    // Nothing was half-written: still in the queue.
    const queue = ok(await t.gql<{ permitQueue: { items: Request[] } }>(QUEUE, { first: 200 }, dispatcher)).permitQueue;
    expect(queue.items.map((r) => r.id)).toContain(request.id);
  });

  it('asks for more information, takes the answer back into the queue, then rejects with a reason', async () => {
    const request = await fileRequest(t, liaison, clock.now());
    const asked = ok(
      await t.gql<{ askPermitRequestInfo: Request }>(ASK, { input: { requestId: request.id, question: '请补充货物清单' } }, dispatcher),
    ).askPermitRequestInfo;
    expect(asked).toMatchObject({ status: 'NEEDS_INFO', question: '请补充货物清单' });
    let queue = ok(await t.gql<{ permitQueue: { items: Request[] } }>(QUEUE, { first: 200 }, dispatcher)).permitQueue;
    expect(queue.items.map((r) => r.id)).not.toContain(request.id);
    expect(failure(await t.gql(APPROVE, { input: { requestId: request.id } }, dispatcher)).code).toBe('INVALID_TRANSITION');

    clock.advance(10 * 60_000);
    const answered = ok(
      await t.gql<{ resubmitPermitRequest: Request }>(RESUBMIT, { input: { requestId: request.id, answer: '清单见附件' } }, liaison),
    ).resubmitPermitRequest;
    expect(answered).toMatchObject({ status: 'SUBMITTED', answer: '清单见附件', submittedAt: clock.now().toISOString() });
    queue = ok(await t.gql<{ permitQueue: { items: Request[] } }>(QUEUE, { first: 200 }, dispatcher)).permitQueue;
    expect(queue.items.map((r) => r.id)).toContain(request.id);

    expect(failure(await t.gql(REJECT, { input: { requestId: request.id, reason: '  ' } }, dispatcher)).field).toBe('reason');
    const rejected = ok(
      await t.gql<{ rejectPermitRequest: Request }>(REJECT, { input: { requestId: request.id, reason: '车辆信息不符' } }, dispatcher),
    ).rejectPermitRequest;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: '车辆信息不符' });
    expect(failure(await t.gql(WITHDRAW, { input: { requestId: request.id } }, liaison)).code).toBe('INVALID_TRANSITION');
  });

  it('lets the applicant withdraw an undecided request', async () => {
    const request = await fileRequest(t, liaison, clock.now());
    expect(
      ok(await t.gql<{ withdrawPermitRequest: Request }>(WITHDRAW, { input: { requestId: request.id } }, liaison)).withdrawPermitRequest
        .status,
    ).toBe('WITHDRAWN');
    expect(failure(await t.gql(APPROVE, { input: { requestId: request.id } }, dispatcher)).code).toBe('INVALID_TRANSITION');
  });

  it('derives validity from the window with no job: not yet valid, valid, expired', async () => {
    const request = await fileRequest(t, liaison, clock.now());
    const permit = ok(
      await t.gql<{ approvePermitRequest: Permit }>(APPROVE, { input: { requestId: request.id } }, dispatcher),
    ).approvePermitRequest;
    const status = async () =>
      ok(await t.gql<{ trafficPermit: Permit }>(ONE_PERMIT, { idOrNumber: permit.number }, dispatcher)).trafficPermit.status;
    expect(await status()).toBe('NOT_YET_VALID');
    clock.set(new Date(permit.validFrom));
    await signInAgain();
    expect(await status()).toBe('VALID');
    clock.set(new Date(permit.validUntil));
    await signInAgain();
    expect(await status()).toBe('EXPIRED');
  });

  it('revokes with a reason, for good: a revoked permit is never valid again, even inside its window', async () => {
    const request = await fileRequest(t, liaison, clock.now());
    const permit = ok(
      await t.gql<{ approvePermitRequest: Permit }>(APPROVE, { input: { requestId: request.id } }, dispatcher),
    ).approvePermitRequest;
    clock.set(new Date(Date.parse(permit.validFrom) + HOUR));
    await signInAgain();
    const revoked = ok(
      await t.gql<{ revokeTrafficPermit: Permit }>(REVOKE, { input: { permitId: permit.id, reason: '车辆已更换' } }, dispatcher),
    ).revokeTrafficPermit;
    expect(revoked).toMatchObject({ status: 'REVOKED', revocationReason: '车辆已更换' });
    expect(failure(await t.gql(REVOKE, { input: { permitId: permit.id, reason: '再次吊销' } }, dispatcher)).code).toBe(
      'INVALID_TRANSITION',
    );
    // The database itself refuses to take a revocation back.
    const em = t.app.orm.em.fork();
    await expect(
      em.getConnection().execute(`update traffic_permit set revoked_at = null, revocation_reason = null where id = ?`, [permit.id]),
    ).rejects.toThrow(/stays revoked/);
    await expect(em.getConnection().execute(`delete from traffic_permit where id = ?`, [permit.id])).rejects.toThrow(/never deleted/);
    clock.set(new Date(Date.parse(permit.validUntil) - HOUR));
    await signInAgain();
    expect(ok(await t.gql<{ trafficPermit: Permit }>(ONE_PERMIT, { idOrNumber: permit.id }, dispatcher)).trafficPermit.status).toBe(
      'REVOKED',
    );
  });

  it('tells the other modules a permit’s status through permits.registry, by number as typed', async () => {
    const request = await fileRequest(t, liaison, clock.now(), { cargoKind: 'EPIDEMIC_SUPPLIES' });
    const permit = ok(
      await t.gql<{ approvePermitRequest: Permit }>(APPROVE, { input: { requestId: request.id } }, dispatcher),
    ).approvePermitRequest;
    const em = t.app.orm.em.fork();
    const found = await t.app.modules.permits.registry.findByNumber(em, ` ${permit.number.toLowerCase()} `, new Date(permit.validFrom));
    expect(found).toMatchObject({
      number: permit.number,
      plate: '京A12345',
      greenChannel: true,
      cargoKind: 'EPIDEMIC_SUPPLIES',
      status: 'VALID',
    });
    expect(await t.app.modules.permits.registry.findByNumber(em, 'TXZ-0000000000000')).toBeNull();
    const since = clock.now();
    ok(await t.gql(REVOKE, { input: { permitId: permit.id, reason: '申请单位撤回' } }, dispatcher));
    const revoked = await t.app.modules.permits.registry.revokedSince(em.fork(), since, clock.now());
    expect(revoked.map((r) => [r.number, r.status])).toEqual([[permit.number, 'REVOKED']]);
  });
});
