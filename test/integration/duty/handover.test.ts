import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResumingSubscriber } from '../../support/resuming-subscriber';
import { startTestApp, type TestApp } from '../../support/test-app';
import { reportIncident, waitFor, alertsAbout } from '../alerts/alert-support';
import { ASSIGN, createOrder, createPerson, readBoard } from '../dispatch/dispatch-helpers';
import {
  acknowledge,
  caughtUpPosition,
  generateHandover,
  recordInstruction,
  signHandover,
  type Handover,
  type HandoverItem,
} from './duty-helpers';

const HOUR = 3_600_000;

const about = (items: HandoverItem[], entityId: string) => items.filter((i) => i.target?.entityId === entityId);

describe('the shift handover (交接班)', () => {
  let t: TestApp;
  let duty: string;
  let secondOfficer: string;
  let leader: string;
  let dispatcher: string;

  beforeAll(async () => {
    t = await startTestApp();
    [duty, leader, dispatcher] = await Promise.all([t.login('duty'), t.login('leader'), t.login('dispatcher')]);
    secondOfficer = await createPerson(t, await t.login('admin'), {
      username: 'duty2',
      displayName: '孙值班 (值班员)',
      roles: ['DUTY_OFFICER'],
    });
  });
  afterAll(() => t?.close());

  let first: Handover;
  const past = { id: '' };
  const instruction = { id: '', deliveryId: '' };

  it('gathers the open items of every module through their services: incidents, alerts, transport, HQ instructions', async () => {
    const now = Date.now();
    const overdue = await reportIncident(t, duty, {
      title: '检疫点发现发热人员',
      incidentClass: 'A',
      reportedAt: new Date(now - 7 * HOUR),
    });
    past.id = overdue.id;
    const near = await reportIncident(t, duty, { title: '物资仓库停电', incidentClass: 'A', reportedAt: new Date(now - 5 * HOUR) });
    const later = await reportIncident(t, duty, { title: '小区配送延误', incidentClass: 'C' });
    await waitFor(
      async () => (await alertsAbout(t, leader, { sourceId: overdue.id, ruleId: 'incident-past-deadline' })).length > 0,
      'the alert',
    );
    const board = await readBoard(t, dispatcher);
    const vehicle = board.companies.flatMap((c) => c.vehicles).find((v) => v.status === 'STANDBY' && v.vehicleType === 'BOX_TRUCK')!;
    const order = await createOrder(t, dispatcher);
    expect((await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [vehicle.id] } }, dispatcher)).errors).toBeUndefined();
    const recorded = await recordInstruction(t, duty, [{ group: 'TRANSPORT' }]);
    Object.assign(instruction, { id: recorded.id, deliveryId: recorded.deliveries[0]!.id });

    const response = await generateHandover(t, duty, { note: '夜班：三号检疫点物资紧张' });
    expect(response.errors).toBeUndefined();
    first = response.data!.generateShiftHandover;
    const items = first.items;
    expect(about(items, overdue.id).map((i) => [i.kind, i.code, i.severity, i.module])).toEqual(
      expect.arrayContaining([
        ['INCIDENT_PAST_DEADLINE', null, 'CRITICAL', 'incidents'],
        ['STANDING_ALERT', 'incident-past-deadline', 'CRITICAL', 'alerts'],
      ]),
    );
    expect(about(items, overdue.id).find((i) => i.kind === 'STANDING_ALERT')!.label).toBe('检疫点发现发热人员');
    expect(about(items, near.id).filter((i) => i.module === 'incidents')).toMatchObject([
      { kind: 'INCIDENT_NEAR_DEADLINE', severity: 'WARNING', label: 'A · 物资仓库停电' },
    ]);
    expect(about(items, later.id)).toEqual([]); // 24 hours ahead: not pressing yet
    expect(about(items, order.id)).toMatchObject([
      { kind: 'DISPATCH_ORDER_UNDER_WAY', module: 'dispatch', target: { entityType: 'DispatchOrder' } },
    ]);
    expect(about(items, vehicle.id)).toMatchObject([{ kind: 'VEHICLE_OUT', target: { entityType: 'Vehicle' } }]);
    expect(about(items, recorded.id)).toMatchObject([{ kind: 'HQ_INSTRUCTION_UNACKNOWLEDGED', module: 'duty', severity: 'CRITICAL' }]);
    expect(items.every((i) => !i.carriedOver)).toBe(true);
    // Most severe first.
    const order_ = items.map((i) => ['CRITICAL', 'WARNING', 'INFO'].indexOf(i.severity));
    expect([...order_].sort()).toEqual(order_);
    // The default window: the roster's shift running now (the demo roster hands over at 08:00 HQ).
    const { data: roster } = await t.gql<{ dutyRoster: { startsAt: string; endsAt: string }[] }>(
      'query($from: DateTimeISO!, $to: DateTimeISO!) { dutyRoster(from: $from, to: $to) { startsAt endsAt } }',
      { from: new Date(now).toISOString(), to: new Date(now + 1).toISOString() },
      duty,
    );
    const running = roster!.dutyRoster.filter((s) => Date.parse(s.startsAt) <= now && Date.parse(s.endsAt) > now);
    const shift = running.sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0]!;
    expect([first.shiftStartedAt, first.shiftEndsAt].map(Date.parse)).toEqual([shift.startsAt, shift.endsAt].map(Date.parse));
    expect(first.note).toBe('夜班：三号检疫点物资紧张');
  });

  it('generating again before anyone signs refreshes the same draft; after a signature it is refused', async () => {
    const again = await generateHandover(t, duty);
    expect(again.data!.generateShiftHandover.id).toBe(first.id);
    expect(again.data!.generateShiftHandover.note).toBe('夜班：三号检疫点物资紧张');
    const current = await t.gql<{ currentShiftHandover: { id: string } }>('{ currentShiftHandover { id } }', {}, leader);
    expect(current.data!.currentShiftHandover.id).toBe(first.id);

    expect((await signHandover(t, duty, first.id, 'OUTGOING')).errors).toBeUndefined();
    const refused = await generateHandover(t, duty);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'handover/signing_under_way' });
    const edit = await t.gql(
      'mutation($input: UpdateShiftHandoverNoteInput!) { updateShiftHandoverNote(input: $input) { id } }',
      { input: { handoverId: first.id, note: '改写' } },
      duty,
    );
    expect(edit.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'handover/signed' });
  });

  it('is signed by two different people: the outgoing officer cannot also sign as incoming; both signed closes it', async () => {
    const same = await signHandover(t, duty, first.id, 'INCOMING');
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'handover/same_signer' });
    expect(same.errors?.[0]?.message).toContain('two different people');
    const twice = await signHandover(t, secondOfficer, first.id, 'OUTGOING');
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'handover/already_signed' });

    const closed = await signHandover(t, secondOfficer, first.id, 'INCOMING');
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.signShiftHandover).toMatchObject({
      outgoingSignedBy: { displayName: '王值班 (值班员)' },
      incomingSignedBy: { displayName: '孙值班 (值班员)' },
    });
    expect(closed.data!.signShiftHandover.closedAt).not.toBeNull();
    const after = await signHandover(t, leader, first.id, 'INCOMING');
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'handover/closed' });
    const current = await t.gql<{ currentShiftHandover: null }>('{ currentShiftHandover { id } }', {}, duty);
    expect(current.data!.currentShiftHandover).toBeNull();
  });

  it('carries the items still open over into the next handover, marked; items closed during the shift drop out', async () => {
    expect((await acknowledge(t, dispatcher, instruction.deliveryId)).errors).toBeUndefined();
    const fresh = await reportIncident(t, duty, {
      title: '新的甲类事件',
      incidentClass: 'A',
      reportedAt: new Date(Date.now() - 6.5 * HOUR),
    });

    const next = (await generateHandover(t, secondOfficer)).data!.generateShiftHandover;
    expect(next.id).not.toBe(first.id);
    expect(next.previousId).toBe(first.id);
    expect(about(next.items, past.id).find((i) => i.kind === 'INCIDENT_PAST_DEADLINE')).toMatchObject({ carriedOver: true });
    expect(about(next.items, fresh.id).find((i) => i.kind === 'INCIDENT_PAST_DEADLINE')).toMatchObject({ carriedOver: false });
    expect(about(next.items, instruction.id)).toEqual([]);
    // Whatever the first handover had and is still open is marked; nothing else is.
    const before = new Set(first.items.map((i) => `${i.kind}|${i.code}|${i.target?.entityId}`));
    for (const item of next.items) expect(item.carriedOver).toBe(before.has(`${item.kind}|${item.code}|${item.target?.entityId}`));
  });

  it('each generation and signature reaches a resuming subscriber once', async () => {
    const after = await caughtUpPosition(t, leader);
    const query = 'subscription($after: EventPosition) { shiftHandoverChanged(after: $after) { position kind handover { id closedAt } } }';
    const current = (await t.gql<{ currentShiftHandover: { id: string } }>('{ currentShiftHandover { id } }', {}, duty)).data!
      .currentShiftHandover;
    // Changes made while the console was away, then it resumes after its last position.
    await t.gql(
      'mutation($input: UpdateShiftHandoverNoteInput!) { updateShiftHandoverNote(input: $input) { id } }',
      { input: { handoverId: current.id, note: '白班平稳' } },
      secondOfficer,
    );
    await signHandover(t, secondOfficer, current.id, 'OUTGOING');
    const subscriber = new ResumingSubscriber(t.wsUrl, leader, query, 'shiftHandoverChanged', after);
    subscriber.start();
    await subscriber.waitFor(() => subscriber.positions.length >= 2, 10_000);
    await signHandover(t, duty, current.id, 'INCOMING');
    await subscriber.waitFor(() => subscriber.positions.length >= 3, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(subscriber.positions).toHaveLength(3);
    expect(new Set(subscriber.positions).size).toBe(3);
    expect(subscriber.errors).toEqual([]);
    await subscriber.close();
  });

  it('refuses a shift that ends before it starts or spans more than a day', async () => {
    const backwards = await generateHandover(t, duty, {
      shiftStartedAt: new Date().toISOString(),
      shiftEndsAt: new Date(Date.now() - HOUR).toISOString(),
    });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'handover/window' });
    const long = await generateHandover(t, duty, { shiftStartedAt: new Date(Date.now() - 30 * HOUR).toISOString() });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'handover/window' });
    const lastYear = await generateHandover(t, duty, { shiftEndsAt: new Date(Date.now() - 365 * 24 * HOUR).toISOString() });
    expect(lastYear.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shiftEndsAt' });
  });
});
