import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, param } from '../alerts/alert-support';
import { BALANCES, createItem, createPlace, ISSUE, ok, stock, TRANSFER, userId, type Balance } from './ledger-helpers';

const DAY = 86_400_000;
const DASHBOARD = `{ leaderDashboard { stockAtRiskCount stockAtRisk { itemName placeName quantity daysOfCover } } }`;

describe('forecasts and stock alerts on a known history', () => {
  let t: TestApp;
  let clock: ManualClock;
  let officer: string;
  let leader: string;
  const tick = () => t.app.modules.alerts.engine.tick();
  /** Sessions expire on the same clock: sign in again after moving it. */
  async function nextDay(days: number): Promise<void> {
    clock.advance(days * DAY);
    [officer, leader] = await Promise.all([t.login('logistics'), t.login('leader')]);
  }

  beforeAll(async () => {
    clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
    t = await startTestApp({ clock });
    officer = await t.login('logistics');
    leader = await t.login('leader');
  });
  afterAll(() => t?.close());

  it('derives the rate and days of cover from the last week, alerts below the floor and the minimum, and clears', async () => {
    const admin = await t.login('admin');
    const depot = await createPlace(t, admin, { kind: 'DEPOT', keeperId: await userId(t, officer) });
    const checkpoint = await createPlace(t, admin, { kind: 'CHECKPOINT' });
    const itemId = await createItem(t, officer, { category: 'FOOD_AND_NECESSITIES', unitOfMeasure: '箱' });
    await stock(t, officer, { itemId, placeId: depot, quantity: 300 });
    ok(await t.gql(TRANSFER, { input: { itemId, fromPlaceId: depot, toPlaceId: checkpoint, quantity: 100 } }, officer));
    // Five days of 14 boxes a day at the checkpoint: 70 used in the last week, 30 left.
    for (let day = 0; day < 5; day++) {
      if (day > 0) await nextDay(1);
      ok(await t.gql(ISSUE, { input: { itemId, placeId: checkpoint, quantity: 14, recipientText: '执勤人员' } }, officer));
    }
    const at = async (placeId: string) =>
      ok(await t.gql<{ stockBalances: Balance[] }>(BALANCES, { filter: { itemId, placeId } }, officer)).stockBalances[0]!;
    expect(await at(checkpoint)).toMatchObject({ quantity: 30, dailyUse: 10, daysOfCover: 3, atRisk: true });
    expect(await at(depot)).toMatchObject({ quantity: 200, daysOfCover: 14, atRisk: false });

    await tick();
    const [low] = await alertsAbout(t, officer, { sourceId: checkpoint, ruleId: 'supply-low-cover' });
    expect(low).toMatchObject({ level: 'WARNING', status: 'RAISED', workingGroup: 'LOGISTICS' });
    expect(param(low!, 'floor')).toBe('7');
    // Replenishment up to a week's cover at 10 a day: 70 − 30.
    expect(param(low!, 'suggested')).toBe('40');
    expect(await alertsAbout(t, officer, { sourceId: depot, ruleId: 'supply-low-cover' })).toEqual([]);
    const { leaderDashboard } = ok(
      await t.gql<{ leaderDashboard: { stockAtRiskCount: number; stockAtRisk: { placeName: string; daysOfCover: number }[] } }>(
        DASHBOARD,
        {},
        leader,
      ),
    );
    expect(leaderDashboard.stockAtRiskCount).toBeGreaterThanOrEqual(1);
    expect(leaderDashboard.stockAtRisk[0]!.daysOfCover).toBeLessThanOrEqual(3);

    ok(
      await t.gql(
        'mutation($input: SetSupplyStockMinimumInput!) { setSupplyStockMinimum(input: $input) { id } }',
        { input: { itemId, placeId: checkpoint, minimum: 50 } },
        officer,
      ),
    );
    await tick();
    const [below] = await alertsAbout(t, officer, { sourceId: checkpoint, ruleId: 'supply-below-minimum' });
    expect(below).toMatchObject({ status: 'RAISED' });
    expect(param(below!, 'minimum')).toBe('50');

    // A week and more without use: no rate, no days-of-cover alert; the minimum still stands until restocked.
    await nextDay(8);
    await tick();
    expect((await at(checkpoint)).daysOfCover).toBeNull();
    expect((await alertsAbout(t, officer, { sourceId: checkpoint, ruleId: 'supply-low-cover' }))[0]?.status).toBe('RESOLVED');
    ok(await t.gql(TRANSFER, { input: { itemId, fromPlaceId: depot, toPlaceId: checkpoint, quantity: 30 } }, officer));
    await tick();
    expect((await alertsAbout(t, officer, { sourceId: checkpoint, ruleId: 'supply-below-minimum' }))[0]?.status).toBe('RESOLVED');
  });
});
