import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { CREATE_ORDER, readBoard } from './dispatch-helpers';

const CHANGE_STATUS = `mutation($input: ChangeVehicleStatusInput!) { changeVehicleStatus(input: $input) { id status } }`;
const HISTORY = `query($id: ID!) { vehicleHistory(vehicleId: $id) { changes { toStatus note } } }`;
const ORDERS = '{ dispatchOrders { id } }';

/** Issue 27: 99,999,999 tonnes was taken as an order, and a long vehicle note was cut short without a word. */
describe('implausible dispatch input', () => {
  let t: TestApp;
  let dispatcher: string;
  beforeAll(async () => {
    t = await startTestApp();
    dispatcher = await t.login('dispatcher');
  });
  afterAll(() => t?.close());

  const order = (cargoAmount: number, cargoUnit = 'TONNES') => ({
    cargoKind: 'EPIDEMIC_SUPPLIES',
    cargoDescription: '医用口罩',
    cargoAmount,
    cargoUnit,
    origin: '县应急物资储备库',
    destination: '城关交通检疫点',
    urgent: false,
    notes: '',
    requestingGroup: 'LOGISTICS',
  });
  const orderCount = async () => (await t.gql<{ dispatchOrders: unknown[] }>(ORDERS, {}, dispatcher)).data!.dispatchOrders.length;

  it('an order of 99,999,999 tonnes, or of 0 or −5, is refused with BAD_USER_INPUT on cargoAmount and not saved', async () => {
    const before = await orderCount();
    for (const [amount, unit] of [
      [99_999_999, 'TONNES'],
      [0, 'TONNES'],
      [-5, 'TONNES'],
      [100_001, 'PIECES'],
      [501, 'PERSONS'],
    ] as const) {
      const response = await t.gql(CREATE_ORDER, { input: order(amount, unit) }, dispatcher);
      expect(response.errors?.[0]?.extensions, `${amount} ${unit}`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cargoAmount' });
      expect(response.errors?.[0]?.message).toMatch(/One order takes from/);
    }
    expect(await orderCount()).toBe(before);
    const largest = await t.gql(CREATE_ORDER, { input: order(1_000) }, dispatcher);
    expect(largest.errors).toBeUndefined();
  });

  it('a vehicle note over 500 characters is refused, not cut to 500, and the vehicle stays as it was', async () => {
    const board = await readBoard(t, dispatcher);
    const idle = board.companies[0]!.vehicles.find((v) => v.status === 'STANDBY')!;
    const long = await t.gql(CHANGE_STATUS, { input: { vehicleId: idle.id, status: 'MAINTENANCE', note: '例'.repeat(501) } }, dispatcher);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect((await readBoard(t, dispatcher)).companies[0]!.vehicles.find((v) => v.id === idle.id)!.status).toBe('STANDBY');

    const fits = await t.gql(CHANGE_STATUS, { input: { vehicleId: idle.id, status: 'MAINTENANCE', note: '例'.repeat(500) } }, dispatcher);
    expect(fits.errors).toBeUndefined();
    const history = await t.gql<{ vehicleHistory: { changes: { toStatus: string; note: string }[] } }>(
      HISTORY,
      { id: idle.id },
      dispatcher,
    );
    expect(history.data!.vehicleHistory.changes.find((c) => c.toStatus === 'MAINTENANCE')!.note).toHaveLength(500);
  });
});
