import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { balanceOf, createItem, createPlace, ISSUE, ok, stock, userId } from './ledger-helpers';

describe('fifty officers issue the last ten units at once', () => {
  let t: TestApp;
  let officer: string;
  let depotId: string;
  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.login('logistics');
    const admin = await t.login('admin');
    depotId = await createPlace(t, admin, { kind: 'DEPOT', keeperId: await userId(t, officer) });
  });
  afterAll(() => t?.close());

  it('lets exactly ten succeed; the other forty get a typed conflict; the balance ends at 0, never below', async () => {
    const itemId = await createItem(t, officer);
    await stock(t, officer, { itemId, placeId: depotId, quantity: 10 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.gql(ISSUE, { input: { itemId, placeId: depotId, quantity: 1, recipientText: `检疫点 ${i + 1}` } }, officer),
      ),
    );
    const won = responses.filter((r) => !r.errors);
    const lost = responses.filter((r) => r.errors);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(40);
    for (const r of lost)
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'supply/insufficient_stock', available: 0 });
    expect(await balanceOf(t, officer, itemId, depotId)).toBe(0);
  });

  it('keeps the balance equal to the sum of the entries under mixed concurrent sizes', async () => {
    const itemId = await createItem(t, officer);
    await stock(t, officer, { itemId, placeId: depotId, quantity: 100 });
    const sizes = Array.from({ length: 40 }, (_, i) => (i % 7) + 1);
    const responses = await Promise.all(
      sizes.map((quantity) => t.gql(ISSUE, { input: { itemId, placeId: depotId, quantity, recipientText: '城关镇' } }, officer)),
    );
    const issued = sizes.filter((_, i) => !responses[i]!.errors).reduce((s, q) => s + q, 0);
    expect(issued).toBeLessThanOrEqual(100);
    const balance = await balanceOf(t, officer, itemId, depotId);
    expect(balance).toBe(100 - issued);
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ sum: string }>(
        `select coalesce(sum(case when to_place_id = $2 then quantity else -quantity end), 0) as sum from supply_entry where item_id = $1`,
        [itemId, depotId],
      );
      expect(Number(rows[0]!.sum)).toBe(balance);
    } finally {
      await db.end();
    }
  });

  it('answers a posting by someone other than the keeper with FORBIDDEN (专人专库)', async () => {
    const itemId = await createItem(t, officer);
    await stock(t, officer, { itemId, placeId: depotId, quantity: 5 });
    const admin = await t.login('admin');
    const other = await createPlace(t, admin, { kind: 'DEPOT', keeperId: await userId(t, admin) });
    const refused = await t.gql(ISSUE, { input: { itemId, placeId: other, quantity: 1, recipientText: 'x' } }, officer);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'supply/not_keeper' });
    ok(await t.gql(ISSUE, { input: { itemId, placeId: depotId, quantity: 1, recipientText: 'x' } }, officer));
  });
});
