import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { createPerson } from '../dispatch/dispatch-helpers';
import {
  ADJUST,
  balanceOf,
  BALANCES,
  createItem,
  createPlace,
  ENTRY_FIELDS,
  ISSUE,
  ok,
  REVERSE,
  stock,
  TRANSFER,
  unitIds,
  userId,
  type Balance,
} from './ledger-helpers';

describe('the supply ledger (台账)', () => {
  let t: TestApp;
  let officer: string;
  let admin: string;
  let depotId: string;
  let units: Map<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.login('logistics');
    admin = await t.login('admin');
    units = await unitIds(t, admin);
    depotId = await createPlace(t, admin, { kind: 'DEPOT', keeperId: await userId(t, officer) });
  });
  afterAll(() => t?.close());

  async function sql<R extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<R[]> {
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      return (await db.query<R>(text, params)).rows;
    } finally {
      await db.end();
    }
  }

  it('refuses to change or delete an entry, even straight in the database: corrections are reversals', async () => {
    const itemId = await createItem(t, officer);
    await stock(t, officer, { itemId, placeId: depotId, quantity: 10 });
    const { issueSupplies } = ok(
      await t.gql<{ issueSupplies: { id: string } }>(
        ISSUE,
        { input: { itemId, placeId: depotId, quantity: 4, recipientText: '检疫点' } },
        officer,
      ),
    );
    await expect(sql('update supply_entry set quantity = 1 where id = $1', [issueSupplies.id])).rejects.toThrow(/append-only/);
    await expect(sql('delete from supply_entry where id = $1', [issueSupplies.id])).rejects.toThrow(/append-only/);
    await expect(sql('update supply_balance set quantity = -1 where item_id = $1', [itemId])).rejects.toThrow(/check/);
    expect(await balanceOf(t, officer, itemId, depotId)).toBe(6);
  });

  it('restores the balance with a reversal, once; a reversal is not reversed', async () => {
    const itemId = await createItem(t, officer);
    await stock(t, officer, { itemId, placeId: depotId, quantity: 10 });
    const { issueSupplies } = ok(
      await t.gql<{ issueSupplies: { id: string } }>(
        ISSUE,
        { input: { itemId, placeId: depotId, quantity: 7, recipientText: '检疫点' } },
        officer,
      ),
    );
    expect(await balanceOf(t, officer, itemId, depotId)).toBe(3);
    const twice = await Promise.all(
      [1, 2].map(() =>
        t.gql<{ reverseSupplyEntry: { id: string; kind: string; reversesEntryId: string } }>(
          REVERSE,
          { input: { entryId: issueSupplies.id, reason: '数量录错' } },
          officer,
        ),
      ),
    );
    const done = twice.filter((r) => !r.errors);
    expect(done).toHaveLength(1);
    expect(twice.find((r) => r.errors)!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'supply/already_reversed' });
    const reversal = done[0]!.data!.reverseSupplyEntry;
    expect(reversal).toMatchObject({ kind: 'REVERSAL', reversesEntryId: issueSupplies.id });
    expect(await balanceOf(t, officer, itemId, depotId)).toBe(10);
    const again = await t.gql(REVERSE, { input: { entryId: reversal.id, reason: '再冲' } }, officer);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'supply/reversal_of_reversal' });
    const { supplyEntry } = ok(
      await t.gql<{ supplyEntry: { reversedById: string } }>(
        `query($id: ID!) { supplyEntry(id: $id) { ${ENTRY_FIELDS} } }`,
        { id: issueSupplies.id },
        officer,
      ),
    );
    expect(supplyEntry.reversedById).toBe(reversal.id);
  });

  it('refuses to reverse an intake whose stock has already left', async () => {
    const itemId = await createItem(t, officer);
    await stock(t, officer, { itemId, placeId: depotId, quantity: 5 });
    ok(await t.gql(ISSUE, { input: { itemId, placeId: depotId, quantity: 5, recipientText: '检疫点' } }, officer));
    const { supplyLedger } = ok(
      await t.gql<{ supplyLedger: { items: { id: string; kind: string }[] } }>(
        `query($filter: SupplyLedgerFilter) { supplyLedger(filter: $filter) { items { id kind } } }`,
        { filter: { itemId, kind: 'INTAKE' } },
        officer,
      ),
    );
    const refused = await t.gql(REVERSE, { input: { entryId: supplyLedger.items[0]!.id, reason: '退货' } }, officer);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'supply/insufficient_stock' });
  });

  it('keeps a directed donation (定点捐赠) for its recipient: outside the pool, issued to no one else', async () => {
    const health = units.get('HEALTH')!;
    const itemId = await createItem(t, officer, { category: 'PROTECTIVE_SUITS', unitOfMeasure: '套' });
    await stock(t, officer, {
      itemId,
      placeId: depotId,
      quantity: 20,
      source: 'DONATION',
      supplier: '县红十字会',
      reservedForUnitId: health,
    });
    expect(await balanceOf(t, officer, itemId, depotId)).toBe(0);
    expect(await balanceOf(t, officer, itemId, depotId, health)).toBe(20);
    const fromPool = await t.gql(
      ISSUE,
      { input: { itemId, placeId: depotId, quantity: 1, recipientUnitId: units.get('COMMERCE') } },
      officer,
    );
    expect(fromPool.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'supply/insufficient_stock' });
    const toOther = await t.gql(
      ISSUE,
      { input: { itemId, placeId: depotId, quantity: 1, recipientUnitId: units.get('COMMERCE'), reservedForUnitId: health } },
      officer,
    );
    expect(toOther.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'supply/reserved_for_other_unit' });
    ok(
      await t.gql(ISSUE, { input: { itemId, placeId: depotId, quantity: 5, recipientUnitId: health, reservedForUnitId: health } }, officer),
    );
    expect(await balanceOf(t, officer, itemId, depotId, health)).toBe(15);
  });

  it('issues a channel item (专物专用) to its channel unit only', async () => {
    const health = units.get('HEALTH')!;
    const itemId = await createItem(t, officer, { channelUnitId: health });
    await stock(t, officer, { itemId, placeId: depotId, quantity: 10 });
    const other = await t.gql(ISSUE, { input: { itemId, placeId: depotId, quantity: 1, recipientUnitId: units.get('COMMERCE') } }, officer);
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'supply/channel_restricted' });
    ok(await t.gql(ISSUE, { input: { itemId, placeId: depotId, quantity: 1, recipientUnitId: health } }, officer));
  });

  it('transfers to a checkpoint and posts a count’s difference with its reason', async () => {
    const itemId = await createItem(t, officer);
    const checkpoint = await createPlace(t, admin, { kind: 'CHECKPOINT' });
    await stock(t, officer, { itemId, placeId: depotId, quantity: 30 });
    ok(await t.gql(TRANSFER, { input: { itemId, fromPlaceId: depotId, toPlaceId: checkpoint, quantity: 12 } }, officer));
    expect(await balanceOf(t, officer, itemId, depotId)).toBe(18);
    expect(await balanceOf(t, officer, itemId, checkpoint)).toBe(12);
    const { adjustSupplyStock } = ok(
      await t.gql<{ adjustSupplyStock: { kind: string; quantity: number; fromPlaceId: string } }>(
        ADJUST,
        { input: { itemId, placeId: checkpoint, counted: 10, reason: '盘点短少 2 箱' } },
        officer,
      ),
    );
    expect(adjustSupplyStock).toMatchObject({ kind: 'ADJUSTMENT', quantity: 2, fromPlaceId: checkpoint });
    expect(await balanceOf(t, officer, itemId, checkpoint)).toBe(10);
    const same = await t.gql(ADJUST, { input: { itemId, placeId: checkpoint, counted: 10, reason: '复盘' } }, officer);
    expect(same.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'supply/count_matches' });
  });

  it('takes an intake through 验收、核实、登记、入库 in order, with who and when; stock appears only at the last', async () => {
    const itemId = await createItem(t, officer);
    const { acceptSupplyIntake } = ok(
      await t.gql<{ acceptSupplyIntake: { id: string; status: string; acceptedByName: string } }>(
        'mutation($input: AcceptSupplyIntakeInput!) { acceptSupplyIntake(input: $input) { id status acceptedByName } }',
        {
          input: {
            itemId,
            placeId: depotId,
            quantity: 40,
            source: 'CENTRAL_PURCHASE',
            filedAfterPurchase: true,
            purchasedOn: '2026-12-01',
          },
        },
        officer,
      ),
    );
    expect(acceptSupplyIntake.status).toBe('ACCEPTED');
    const advance = (step: string) =>
      t.gql<{
        advanceSupplyIntake: { status: string; verifiedByName: string | null; stockedAt: string | null; filedAfterPurchase: boolean };
      }>(
        'mutation($input: AdvanceSupplyIntakeInput!) { advanceSupplyIntake(input: $input) { status verifiedByName stockedAt filedAfterPurchase } }',
        { input: { intakeId: acceptSupplyIntake.id, step, qualityNote: '合格' } },
        officer,
      );
    const skipped = await advance('STOCKED');
    expect(skipped.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', expected: 'VERIFIED' });
    expect(ok(await advance('VERIFIED')).advanceSupplyIntake.verifiedByName).toContain('赵后勤');
    ok(await advance('REGISTERED'));
    expect(await balanceOf(t, officer, itemId, depotId)).toBe(0);
    const stocked = ok(await advance('STOCKED')).advanceSupplyIntake;
    expect(stocked).toMatchObject({ status: 'STOCKED', filedAfterPurchase: true });
    expect(stocked.stockedAt).not.toBeNull();
    expect(await balanceOf(t, officer, itemId, depotId)).toBe(40);
  });

  it('shows a unit liaison only their unit’s places and the stock reserved for them', async () => {
    const agriculture = units.get('AGRICULTURE')!;
    const itemId = await createItem(t, officer);
    const unitPlace = await createPlace(t, admin, { kind: 'UNIT', unitId: agriculture });
    const otherPlace = await createPlace(t, admin, { kind: 'UNIT', unitId: units.get('COMMERCE')! });
    await stock(t, officer, { itemId, placeId: depotId, quantity: 30 });
    ok(await t.gql(TRANSFER, { input: { itemId, fromPlaceId: depotId, toPlaceId: unitPlace, quantity: 5 } }, officer));
    ok(await t.gql(TRANSFER, { input: { itemId, fromPlaceId: depotId, toPlaceId: otherPlace, quantity: 6 } }, officer));
    const liaison = await createPerson(t, admin, {
      username: 'liaison-ledger',
      displayName: '联络员',
      roles: ['UNIT_LIAISON'],
      unitId: agriculture,
    });
    const { stockBalances } = ok(await t.gql<{ stockBalances: Balance[] }>(BALANCES, { filter: { itemId } }, liaison));
    expect(stockBalances.map((b) => [b.placeId, b.quantity])).toEqual([[unitPlace, 5]]);
    const { supplyLedger } = ok(
      await t.gql<{ supplyLedger: { total: number; items: { toPlaceId: string }[] } }>(
        `query($filter: SupplyLedgerFilter) { supplyLedger(filter: $filter) { total items { toPlaceId } } }`,
        { filter: { itemId } },
        liaison,
      ),
    );
    expect(supplyLedger.total).toBe(1);
    expect(supplyLedger.items[0]!.toPlaceId).toBe(unitPlace);
    const { supplyPlaces } = ok(await t.gql<{ supplyPlaces: { id: string }[] }>('{ supplyPlaces { id } }', {}, liaison));
    expect(supplyPlaces.map((p) => p.id)).toEqual([unitPlace]);
    const refused = await t.gql(ISSUE, { input: { itemId, placeId: unitPlace, quantity: 1, recipientText: 'x' } }, liaison);
    expect(refused.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
  });

  it('searches the ledger on the server and pages it', async () => {
    const itemId = await createItem(t, officer, { name: `搜索用消毒液-${Date.now()}`, category: 'DISINFECTANT', unitOfMeasure: '瓶' });
    await stock(t, officer, { itemId, placeId: depotId, quantity: 50 });
    for (let i = 0; i < 5; i++)
      ok(await t.gql(ISSUE, { input: { itemId, placeId: depotId, quantity: 1, recipientText: `卡口${i}` } }, officer));
    const page = (offset: number) =>
      t.gql<{ supplyLedger: { total: number; items: { seq: number; recipientText: string }[] } }>(
        `query($filter: SupplyLedgerFilter, $first: Int, $offset: Int) { supplyLedger(filter: $filter, first: $first, offset: $offset) { total items { seq recipientText } } }`,
        { filter: { search: '搜索用消毒液' }, first: 4, offset },
        officer,
      );
    const first = ok(await page(0)).supplyLedger;
    const second = ok(await page(4)).supplyLedger;
    expect(first.total).toBe(6);
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect(first.items[0]!.recipientText).toBe('卡口4');
    const bySeq = ok(
      await t.gql<{ supplyLedger: { total: number } }>(
        `query($filter: SupplyLedgerFilter) { supplyLedger(filter: $filter) { total } }`,
        {
          filter: { search: `#${first.items[0]!.seq}` },
        },
        officer,
      ),
    ).supplyLedger;
    expect(bySeq.total).toBe(1);
  });
});
