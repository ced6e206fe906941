import { defineAlertRule } from '../../../core/alerts/alert-rule';
import { replenishment } from '../forecast.rules';
import type { StockQueries } from '../stock.queries';

/*
 * 科学预测储备数量 / 保障交通检疫点: stock at a place below its minimum, or lasting fewer days than
 * its item's floor at the last week's rate (plan 4: a week of necessities). Both go to the
 * logistics group, per item and place; a checkpoint's alert carries the replenishment suggested.
 * Reserved stock (定点捐赠) is not the pool and raises nothing.
 */

export const supplyBelowMinimumRule = (stock: StockQueries) =>
  defineAlertRule({
    id: 'supply-below-minimum',
    level: 'WARNING',
    group: 'LOGISTICS',
    description: 'An item at a depot or checkpoint is below the minimum set for it there.',
    thresholds: {},
    escalationMinutes: null,
    triggers: ['supplyStock', 'supplyCatalogue'],
    async evaluate({ em, now }) {
      const balances = await stock.all(em, now);
      return balances
        .filter((b) => !b.reservedForUnitId && b.minimum != null && b.minimum > 0 && b.quantity < b.minimum)
        .map((b) => ({
          dedupeKey: `${b.itemId}:${b.placeId}`,
          source: { entityType: 'SupplyPlace', entityId: b.placeId },
          params: { item: b.itemName, place: b.placeName, quantity: b.quantity, minimum: b.minimum!, unit: b.unitOfMeasure },
        }));
    },
    summary: (p) => `${p['item']} at ${p['place']}: ${p['quantity']} ${p['unit']} left, below the minimum of ${p['minimum']}.`,
  });

export const supplyLowCoverRule = (stock: StockQueries) =>
  defineAlertRule({
    id: 'supply-low-cover',
    level: 'WARNING',
    group: 'LOGISTICS',
    description: 'An item at a place lasts fewer days than its floor at the last week’s rate of use.',
    thresholds: {
      days: {
        default: 3,
        min: 1,
        max: 60,
        unit: 'days',
        description: 'Days of cover below which an item without its own floor is at risk (necessities: 7, set on the item).',
      },
    },
    escalationMinutes: null,
    triggers: ['supplyStock', 'supplyCatalogue'],
    async evaluate({ em, now }, { days }) {
      const balances = await stock.all(em, now);
      return balances.flatMap((b) => {
        const floor = b.coverDaysFloor ?? days;
        if (b.reservedForUnitId || b.daysOfCover == null || b.daysOfCover >= floor) return [];
        const suggested =
          b.placeKind === 'CHECKPOINT'
            ? replenishment(
                {
                  quantity: b.quantity,
                  minimum: b.minimum ?? null,
                  daysOfCover: b.daysOfCover,
                  coverDaysFloor: floor,
                  dailyUse: b.dailyUse,
                },
                floor,
              )
            : 0;
        return [
          {
            dedupeKey: `${b.itemId}:${b.placeId}`,
            source: { entityType: 'SupplyPlace', entityId: b.placeId },
            params: {
              item: b.itemName,
              place: b.placeName,
              quantity: b.quantity,
              unit: b.unitOfMeasure,
              daysOfCover: b.daysOfCover,
              floor,
              suggested,
            },
          },
        ];
      });
    },
    summary: (p) =>
      `${p['item']} at ${p['place']} lasts ${p['daysOfCover']} days at the current rate (floor ${p['floor']})` +
      (Number(p['suggested']) > 0 ? `; send ${p['suggested']} ${p['unit']}.` : '.'),
  });
