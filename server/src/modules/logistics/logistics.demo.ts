import type { SupplyCategory } from '@cc/shared';
import type { DemoSeedContext } from '../../core/module';
import { SupplyEntry } from './supply-entry.entity';
import { SupplyIntake } from './supply-intake.entity';
import { SupplyItem } from './supply-item.entity';
import { SupplyPlace } from './supply-place.entity';
import { SupplyStockMinimum } from './supply-stock-minimum.entity';

const DAY = 86_400_000;

/** Plan 2 §1's supplies and plan 4's necessities; medical masks and suits go through the health system (§3.4). */
const ITEMS: readonly { name: string; unit: string; category: SupplyCategory; health?: boolean; perDay: number; stock: number }[] = [
  { name: '84消毒液', unit: '箱', category: 'DISINFECTANT', perDay: 6, stock: 200 },
  { name: '75%酒精', unit: '瓶', category: 'DISINFECTANT', perDay: 20, stock: 600 },
  { name: '免洗消毒凝胶', unit: '瓶', category: 'DISINFECTANT', perDay: 10, stock: 150 },
  { name: '医用防护口罩', unit: '只', category: 'MASKS', health: true, perDay: 150, stock: 5000 },
  { name: '一次性医用口罩', unit: '只', category: 'MASKS', perDay: 300, stock: 3000 },
  { name: '防护服', unit: '套', category: 'PROTECTIVE_SUITS', health: true, perDay: 12, stock: 300 },
  { name: '红外测温枪', unit: '支', category: 'THERMOMETERS', perDay: 1, stock: 40 },
  { name: '方便面', unit: '箱', category: 'FOOD_AND_NECESSITIES', perDay: 15, stock: 160 },
  { name: '食用油', unit: '桶', category: 'FOOD_AND_NECESSITIES', perDay: 4, stock: 120 },
];

/** Plan 3: the logistics group keeps the traffic quarantine checkpoints (交通检疫点) supplied. */
const CHECKPOINTS = [
  { code: 'CP-EXPRESSWAY', name: '高速公路出口交通检疫点' },
  { code: 'CP-NATIONAL-ROAD', name: '国道入城交通检疫点' },
  { code: 'CP-BUS-STATION', name: '汽车客运站交通检疫点' },
];

/**
 * Demo mode only: two depots kept by the demo logistics officer (专人专库), the checkpoints, the
 * catalogue, and two weeks of history — intake at the depots, daily replenishment of the
 * checkpoints and their daily use — so balances, days of cover and at-risk items show something.
 * Instant noodles at the expressway checkpoint run low on purpose (below a week's cover, plan 4).
 */
export async function seedLogisticsDemo({ em, now, cast }: DemoSeedContext): Promise<void> {
  const keeper = cast.people?.get('logistics');
  const health = cast.units?.get('HEALTH');
  if (!keeper || !health) throw new Error('The logistics demo needs the identity demo (logistics, HEALTH) seeded first.');
  const depot = em.create(SupplyPlace, {
    code: 'DEPOT-COUNTY',
    name: '县应急物资储备库',
    kind: 'DEPOT',
    keeperId: keeper.id,
    keeperName: keeper.displayName,
    standInName: '',
    active: true,
  });
  const industry = em.create(SupplyPlace, {
    code: 'DEPOT-INDUSTRY',
    name: '县工信局防疫物资仓库',
    kind: 'DEPOT',
    keeperId: keeper.id,
    keeperName: keeper.displayName,
    standInName: '',
    active: true,
  });
  const checkpoints = CHECKPOINTS.map((c) =>
    em.create(SupplyPlace, { ...c, kind: 'CHECKPOINT', keeperName: '', standInName: '', active: true }),
  );
  em.persist([depot, industry, ...checkpoints]);
  const items = ITEMS.map((i) =>
    em.create(SupplyItem, {
      name: i.name,
      unitOfMeasure: i.unit,
      category: i.category,
      channelUnitId: i.health ? health : null,
      coverDaysFloor: i.category === 'FOOD_AND_NECESSITIES' ? 7 : 3,
      active: true,
    }),
  );
  em.persist(items);
  await em.flush();

  const who = { postedById: keeper.id, postedByName: keeper.displayName };
  const start = now.getTime() - 14 * DAY;
  // Posted in time order: the ledger's seq then follows time, as it does live.
  for (const [index, item] of items.entries()) {
    const spec = ITEMS[index]!;
    const at = new Date(start + index * 60_000);
    const intake = em.create(SupplyIntake, {
      itemId: item.id,
      placeId: depot.id,
      quantity: spec.stock + spec.perDay * 14,
      source: spec.health ? 'ALLOCATION_FROM_ABOVE' : 'CENTRAL_PURCHASE',
      supplier: spec.health ? '市卫健委下拨' : '县工信局集中采购',
      filedAfterPurchase: false,
      status: 'STOCKED',
      acceptedAt: at,
      acceptedById: keeper.id,
      acceptedByName: keeper.displayName,
      verifiedAt: at,
      verifiedById: keeper.id,
      verifiedByName: keeper.displayName,
      qualityNote: '外观、批号、合格证齐全',
      registeredAt: at,
      registeredById: keeper.id,
      registeredByName: keeper.displayName,
      stockedAt: at,
      stockedById: keeper.id,
      stockedByName: keeper.displayName,
      note: '',
    });
    em.persist(intake);
    em.persist(
      em.create(SupplyEntry, {
        kind: 'INTAKE',
        itemId: item.id,
        quantity: intake.quantity,
        toPlaceId: depot.id,
        intakeId: intake.id,
        postedAt: at,
        ...who,
      }),
    );
  }
  await em.flush();
  // Running balances, so the history never takes more than a place holds (the trigger would refuse it).
  const held = new Map<string, number>();
  const key = (itemId: string, placeId: string) => `${itemId}:${placeId}`;
  items.forEach((item, index) => held.set(key(item.id, depot.id), ITEMS[index]!.stock + ITEMS[index]!.perDay * 14));
  const move = (itemId: string, from: string | null, to: string | null, wanted: number) => {
    const quantity = from ? Math.min(wanted, held.get(key(itemId, from)) ?? 0) : wanted;
    if (from) held.set(key(itemId, from), (held.get(key(itemId, from)) ?? 0) - quantity);
    if (to) held.set(key(itemId, to), (held.get(key(itemId, to)) ?? 0) + quantity);
    return quantity;
  };
  for (let day = 1; day <= 13; day++) {
    for (const [index, item] of items.entries()) {
      const spec = ITEMS[index]!;
      const at = new Date(start + day * DAY + index * 60_000);
      if (spec.health) {
        const quantity = move(item.id, depot.id, null, spec.perDay);
        if (quantity > 0) {
          em.persist(
            em.create(SupplyEntry, {
              kind: 'ISSUE',
              itemId: item.id,
              quantity,
              fromPlaceId: depot.id,
              recipientUnitId: health,
              postedAt: at,
              ...who,
            }),
          );
        }
        continue;
      }
      // Every other day the depot sends each checkpoint two days' use; the checkpoints use a third of it daily.
      const share = Math.max(Math.round(spec.perDay / 3), 1);
      for (const [c, checkpoint] of checkpoints.entries()) {
        // Instant noodles at the expressway checkpoint: replenishment stopped after day 7, use went on.
        const short = spec.name === '方便面' && c === 0;
        if (day % 2 === 1 && !(short && day > 7)) {
          const quantity = move(item.id, depot.id, checkpoint.id, short ? share * 3 : share * 2);
          if (quantity > 0) {
            em.persist(
              em.create(SupplyEntry, {
                kind: 'TRANSFER',
                itemId: item.id,
                quantity,
                fromPlaceId: depot.id,
                toPlaceId: checkpoint.id,
                postedAt: at,
                ...who,
              }),
            );
          }
        }
        const used = move(item.id, checkpoint.id, null, short ? share + 1 : share);
        if (used > 0) {
          em.persist(
            em.create(SupplyEntry, {
              kind: 'ISSUE',
              itemId: item.id,
              quantity: used,
              fromPlaceId: checkpoint.id,
              recipientText: '检疫点执勤人员',
              postedAt: new Date(at.getTime() + 3_600_000),
              ...who,
            }),
          );
        }
      }
    }
    await em.flush();
  }
  em.persist(em.create(SupplyStockMinimum, { itemId: items[7]!.id, placeId: checkpoints[0]!.id, minimum: 20 }));
  await em.flush();
}
