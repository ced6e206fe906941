import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHqDays, atHqTime } from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { FORWARD, logCall } from '../duty/duty-helpers';
import { createType, ok, submit, typeBoard, unitIds } from './daily-report-helpers';

const DAY = '2026-05-06';
const CLOSE = `mutation($input: CloseDutyCallInput!) { closeDutyCall(input: $input) { id status } }`;

describe('瞒报: a zero report while the unit has open work is flagged for the coordinator', () => {
  let t: TestApp;
  let clock: ManualClock;
  let duty: string;
  let liaison: string;
  let coordinator: string;
  let units: Record<string, string>;

  beforeAll(async () => {
    clock = new ManualClock(atHqTime(DAY, '08:00'));
    t = await startTestApp({ clock });
    [duty, liaison, coordinator] = await Promise.all([t.login('duty'), t.login('liaison'), t.login('coordinator')]);
    units = await unitIds(t, await t.login('admin'));
  });
  afterAll(() => t?.close());

  it('flags the zero report of a unit with a call forwarded to it still open, not another unit’s, nor a report with figures', async () => {
    const type = await createType(t, coordinator, '16:00');
    const call = await logCall(t, duty);
    ok(await t.gql(FORWARD, { input: { callId: call.id, targets: [{ unitId: units['AGRICULTURE'] }] } }, duty));

    const zero = ok(await submit(t, liaison, { typeId: type.id, zero: true })).submitDailyReport;
    expect(zero.concealmentSuspect).toBe(true);
    expect(zero.openWork).toEqual([{ module: 'duty', kind: 'forwardedCalls', count: 1 }]);
    const other = ok(await submit(t, coordinator, { typeId: type.id, unitId: units['COMMERCE'], zero: true })).submitDailyReport;
    expect(other).toMatchObject({ concealmentSuspect: false, openWork: [] });

    const second = await createType(t, coordinator, '16:00');
    const withFigures = ok(
      await submit(t, liaison, { typeId: second.id, values: [{ key: 'absentStaff', number: 0 }], note: '正在处理运转来电' }),
    ).submitDailyReport;
    expect(withFigures).toMatchObject({ concealmentSuspect: false, openWork: [] });

    const board = await typeBoard(t, coordinator, type.id, DAY);
    expect(board.counts.flagged).toBe(1);
    expect(board.units.find((u) => u.unitCode === 'AGRICULTURE')).toMatchObject({ zero: true, concealmentSuspect: true });
    expect(board.units.find((u) => u.unitCode === 'COMMERCE')).toMatchObject({ zero: true, concealmentSuspect: false });

    // The next day, with the call closed, the same unit's zero report is just a zero report.
    ok(await t.gql(CLOSE, { input: { callId: call.id, note: '已处理' } }, duty));
    clock.set(atHqTime(addHqDays(DAY, 1), '09:00'));
    [liaison, coordinator] = await Promise.all([t.login('liaison'), t.login('coordinator')]); // a day outlives a session
    const nextDay = ok(await submit(t, liaison, { typeId: type.id, zero: true })).submitDailyReport;
    expect(nextDay).toMatchObject({ day: addHqDays(DAY, 1), concealmentSuspect: false });
    // …and the flag on the earlier report stays as it was when filed.
    expect((await typeBoard(t, coordinator, type.id, DAY)).counts.flagged).toBe(1);
  });
});
