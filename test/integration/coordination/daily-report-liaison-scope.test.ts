import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHqDays, hqDay } from '@cc/shared';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { createType, ok, submit, typeBoard, unitIds } from './daily-report-helpers';

// The real clock: the WebSocket door checks sessions against it.
const DAY = hqDay(new Date());
const CHANGED = `subscription($after: EventPosition) { dailyReportChanged(after: $after) { position kind signal { typeId unitId day report { id unitId zero } } } }`;

describe('a unit liaison sees and files only their own unit’s daily reports', () => {
  let t: TestApp;
  let liaison: string;
  let coordinator: string;
  let units: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    [liaison, coordinator] = await Promise.all([t.login('liaison'), t.login('coordinator')]);
    units = await unitIds(t, await t.login('admin'));
  });
  afterAll(() => t?.close());

  it('board, report, calendar and roll-up show the liaison their unit only; filing for another unit is refused as not found', async () => {
    const type = await createType(t, coordinator, '16:00');
    const commerce = ok(await submit(t, coordinator, { typeId: type.id, unitId: units['COMMERCE'], zero: true })).submitDailyReport;

    const mine = await typeBoard(t, liaison, type.id, DAY);
    expect(mine.units.map((u) => u.unitCode)).toEqual(['AGRICULTURE']);
    expect((await typeBoard(t, coordinator, type.id, DAY)).units).toHaveLength(4);

    const read = await t.gql(`query($id: ID!) { dailyReport(id: $id) { id } }`, { id: commerce.id }, liaison);
    expect(read.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const forOther = await submit(t, liaison, { typeId: type.id, unitId: units['COMMERCE'], zero: true });
    expect(forOther.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const amendOther = await t.gql(
      `mutation($input: AmendDailyReportInput!) { amendDailyReport(input: $input) { id } }`,
      { input: { reportId: commerce.id, expectedVersion: commerce.version, zero: true, reason: '试图更正' } },
      liaison,
    );
    expect(amendOther.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const calendar = ok(
      await t.gql<{ dailyReportCalendar: { rows: { unitId: string }[] } }>(
        `query($typeId: ID!, $from: String!, $to: String!) { dailyReportCalendar(typeId: $typeId, from: $from, to: $to) { rows { unitId } } }`,
        { typeId: type.id, from: addHqDays(DAY, -2), to: DAY },
        liaison,
      ),
    );
    expect(calendar.dailyReportCalendar.rows.map((r) => r.unitId)).toEqual([units['AGRICULTURE']]);
    const rollup = ok(
      await t.gql<{ dailyReportRollup: { reports: { unitId: string }[]; missing: { unitId: string }[] } }>(
        `query($typeId: ID!) { dailyReportRollup(typeId: $typeId) { reports { unitId } missing { unitId } } }`,
        { typeId: type.id },
        liaison,
      ),
    );
    expect(rollup.dailyReportRollup).toEqual({ reports: [], missing: [{ unitId: units['AGRICULTURE'] }] });
  });

  it('the live stream brings the liaison their unit’s changes only, and the coordinator every unit’s', async () => {
    const type = await createType(t, coordinator, '16:00');
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, coordinator);
    const asLiaison = collect<{ dailyReportChanged: { signal: { unitId: string } } }>(wsClient(t.wsUrl, liaison), CHANGED, {
      after: data!.livePosition,
    });
    const asCoordinator = collect<{ dailyReportChanged: { signal: { unitId: string; report: { zero: boolean } } } }>(
      wsClient(t.wsUrl, coordinator),
      CHANGED,
      { after: data!.livePosition },
    );
    ok(await submit(t, coordinator, { typeId: type.id, unitId: units['HEALTH'], zero: true }));
    ok(await submit(t, liaison, { typeId: type.id, zero: true }));
    // The coordinator's stream: the type's creation was before `after`; then both reports.
    const seen = await asCoordinator.until(2);
    expect(asCoordinator.errors).toEqual([]);
    expect(seen.map((r) => r.data?.dailyReportChanged.signal.unitId)).toEqual([units['HEALTH'], units['AGRICULTURE']]);
    const liaisonSeen = await asLiaison.until(1);
    expect(liaisonSeen.map((r) => r.data?.dailyReportChanged.signal.unitId)).toEqual([units['AGRICULTURE']]);
    // The HEALTH change came first: had it reached the liaison, it would be the first they saw.
    asLiaison.unsubscribe();
    asCoordinator.unsubscribe();
  });
});
