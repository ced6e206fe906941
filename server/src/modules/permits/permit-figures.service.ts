import type { EntityManager } from '@mikro-orm/postgresql';
import { hqDayRange, isHqDay, PERMIT_CARGOS } from '@cc/shared';
import { domainError } from '../../core/errors';
import { dayTotals, permitDayFigures, waitingFigures } from './permit-figures.rules';
import type { PermitRecords } from './permit-records';
import type { PermitFiguresType } from './permit-links.types';

/** The permit figures: one HQ day by cargo kind (the chart), and what waits for review now (the leader's board). */
export class PermitFiguresService {
  constructor(private readonly records: PermitRecords) {}

  async day(em: EntityManager, day: string): Promise<PermitFiguresType> {
    if (!isHqDay(day)) throw domainError('BAD_USER_INPUT', `"${day}" is not a date; write it as YYYY-MM-DD.`, { field: 'day' });
    const range = hqDayRange(day);
    const rows = await this.records.reviewedBetween(em, range);
    return { day, ...dayTotals(rows, range), byCargo: permitDayFigures(rows, range, PERMIT_CARGOS) };
  }

  async waiting(em: EntityManager, now: Date): Promise<{ count: number; oldestWaitMinutes: number | null; oldestSince: Date | null }> {
    const waiting = await this.records.waiting(em);
    const oldest = waiting.reduce<Date | null>((o, w) => (o === null || w.submittedAt < o ? w.submittedAt : o), null);
    return { ...waitingFigures(waiting, now), oldestSince: oldest };
  }
}
