import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_SUPPLY_DAY_TIMES, type SupplyDayTimes } from '@cc/shared';
import { SupplyDaySetting } from './supply-day.entity';

/** The supply day's deadlines as set (the one settings row), or the defaults 11:00 / 12:00 / 17:00 / 17:30. */
export async function supplyDayTimes(em: EntityManager): Promise<SupplyDayTimes> {
  const row = await em.findOne(SupplyDaySetting, { id: 1 });
  if (!row) return DEFAULT_SUPPLY_DAY_TIMES;
  return { needsBy: row.needsBy, planApprovedBy: row.planApprovedBy, deliveredBy: row.deliveredBy, summaryBy: row.summaryBy };
}
