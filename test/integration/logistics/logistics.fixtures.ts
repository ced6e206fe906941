import type { ModuleTests } from '../../support/module-tests';
import { intakeTo, issue, newCheckpoint, newDepot, newItem, stocked } from './logistics-setup';
import { REQUISITION_FIELD_HINTS, REQUISITION_FIXTURES, REQUISITION_INVARIANTS } from './requisitions.fixtures-part';

/** 后勤保障: fixtures for every ledger operation, and the ledger tables' invariants (ADR 0017). */
export const MODULE: ModuleTests = {
  module: 'logistics',
  fixtures: {
    ...REQUISITION_FIXTURES,
    supplyItems: () => ({}),
    supplyPlaces: () => ({}),
    supplyStockMinimums: () => ({}),
    supplyMemberUnits: () => ({}),
    stockBalances: () => ({ filter: { atRiskOnly: false } }),
    supplyLedger: () => ({ filter: { search: '消毒' }, first: 20 }),
    supplyEntry: async (env) => {
      const { itemId, depotId } = await stocked(env, 10);
      return { id: await issue(env, itemId, depotId, 1) };
    },
    stockChanged: () => ({}),
    supplyIntakes: () => ({ first: 20 }),
    createSupplyItem: (env) => ({ input: { name: env.unique('医用防护口罩'), unitOfMeasure: '只', category: 'MASKS' } }),
    createSupplyPlace: (env) => ({ input: { code: env.unique('CP').toUpperCase(), name: env.unique('检疫点'), kind: 'CHECKPOINT' } }),
    setSupplyPlaceKeeper: async (env) => {
      const placeId = await newDepot(env);
      const { me } = await env.setup<{ me: { userId: string } }>('{ me { userId } }');
      return { input: { placeId, keeperId: me.userId, standInId: env.actor && env.actor.userId !== me.userId ? env.actor.userId : null } };
    },
    setSupplyStockMinimum: async (env) => ({ input: { itemId: await newItem(env), placeId: await newCheckpoint(env), minimum: 20 } }),
    acceptSupplyIntake: async (env) => ({
      input: {
        itemId: await newItem(env),
        placeId: await newDepot(env),
        quantity: 50,
        source: 'DONATION',
        supplier: '县红十字会',
        reservedForUnitId: env.unitId('HEALTH'),
      },
    }),
    advanceSupplyIntake: async (env) => {
      const intakeId = await intakeTo(env, { itemId: await newItem(env), placeId: await newDepot(env), quantity: 30 }, 'REGISTERED');
      return { input: { intakeId, step: 'STOCKED' } };
    },
    issueSupplies: async (env) => {
      const { itemId, depotId } = await stocked(env, 10);
      return { input: { itemId, placeId: depotId, quantity: 3, recipientUnitId: env.unitId('HEALTH'), note: '发热门诊' } };
    },
    transferSupplies: async (env) => {
      const { itemId, depotId } = await stocked(env, 10);
      return { input: { itemId, fromPlaceId: depotId, toPlaceId: await newCheckpoint(env), quantity: 4 } };
    },
    adjustSupplyStock: async (env) => {
      const { itemId, depotId } = await stocked(env, 10);
      return { input: { itemId, placeId: depotId, counted: 9, reason: '盘点短少 1 箱' } };
    },
    reverseSupplyEntry: async (env) => {
      const { itemId, depotId } = await stocked(env, 10);
      return { input: { entryId: await issue(env, itemId, depotId, 2), reason: '录入数量有误' } };
    },
  },
  fieldHints: {
    ...REQUISITION_FIELD_HINTS,
    quantity: [1, 10, 0, -1, 10_000_001],
    counted: [0, 5, 100],
    step: ['VERIFIED', 'REGISTERED', 'STOCKED'],
    source: ['DONATION', 'CENTRAL_PURCHASE'],
    purchasedOn: ['2026-12-01', 'yesterday'],
  },
  invariants: {
    ...REQUISITION_INVARIANTS,
    supply_item: [
      {
        broken: 'a necessities item without a days-of-cover floor (plan 4: a week)',
        sql: `select id from supply_item where category = 'FOOD_AND_NECESSITIES' and cover_days_floor is null and created_at >= $1`,
        sinceFuzzingBegan: true,
      },
    ],
    supply_place: { none: 'a depot’s keeper and a unit’s place are database checks' },
    supply_intake: [
      {
        broken: 'a stocked intake without exactly one INTAKE entry of its quantity, place and bucket',
        sql: `select i.id from supply_intake i left join supply_entry e on e.intake_id = i.id
              where i.status = 'STOCKED' and (e.id is null or e.quantity <> i.quantity or e.to_place_id <> i.place_id
                or e.reserved_for_unit_id is distinct from i.reserved_for_unit_id)
              union all select e.intake_id from supply_entry e join supply_intake i on i.id = e.intake_id where i.status <> 'STOCKED'`,
      },
    ],
    supply_entry: [
      {
        broken: 'a reversal that does not move its entry’s quantity back',
        sql: `select r.id from supply_entry r join supply_entry o on o.id = r.reverses_entry_id
              where r.item_id <> o.item_id or r.quantity <> o.quantity or r.from_place_id is distinct from o.to_place_id
                or r.to_place_id is distinct from o.from_place_id or r.reserved_for_unit_id is distinct from o.reserved_for_unit_id
                or o.kind = 'REVERSAL'`,
      },
      {
        broken: 'a directed donation issued to someone other than its recipient',
        sql: `select id from supply_entry where kind = 'ISSUE' and reserved_for_unit_id is not null
              and recipient_unit_id is distinct from reserved_for_unit_id`,
      },
    ],
    supply_balance: [
      {
        broken: 'a balance that is not the sum of its entries (item, place, reserved-for unit)',
        sql: `with moves as (
                select item_id, to_place_id as place_id, reserved_for_unit_id, quantity as q from supply_entry where to_place_id is not null
                union all
                select item_id, from_place_id, reserved_for_unit_id, -quantity from supply_entry where from_place_id is not null),
              sums as (select item_id, place_id, reserved_for_unit_id, sum(q) as q from moves group by 1, 2, 3)
              select coalesce(b.item_id, s.item_id), coalesce(b.place_id, s.place_id), b.quantity, s.q
                from supply_balance b full join sums s on s.item_id = b.item_id and s.place_id = b.place_id
                  and s.reserved_for_unit_id is not distinct from b.reserved_for_unit_id
               where coalesce(b.quantity, 0) <> coalesce(s.q, 0)`,
      },
      { broken: 'a negative balance', sql: `select item_id, place_id, quantity from supply_balance where quantity < 0` },
    ],
    supply_stock_minimum: { none: 'one row per item and place (unique), minimum >= 0 (check)' },
  },
};
