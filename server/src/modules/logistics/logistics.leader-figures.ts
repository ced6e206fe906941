import type { LeaderFiguresSource } from '../../core/leader-figures';
import type { StockQueries } from './stock.queries';

export interface StockAtRiskFigure {
  itemName: string;
  placeName: string;
  quantity: number;
  unitOfMeasure: string;
  daysOfCover: number | null;
  minimum: number | null;
}

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Balances below their minimum or their item's days-of-cover floor; null without the logistics module. */
    stockAtRiskCount: number | null;
    /** The most pressing of them (fewest days of cover first), at most 5. */
    stockAtRisk: StockAtRiskFigure[];
  }
}

/** 后勤保障 on the leader's board: stock at risk. */
export function logisticsLeaderFigures(stock: StockQueries): LeaderFiguresSource {
  return async (em, { now }) => {
    const risky = (await stock.all(em, now)).filter((b) => b.atRisk && !b.reservedForUnitId);
    const pressing = [...risky].sort((a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity) || a.quantity - b.quantity);
    return {
      stockAtRiskCount: risky.length,
      stockAtRisk: pressing.slice(0, 5).map((b) => ({
        itemName: b.itemName,
        placeName: b.placeName,
        quantity: b.quantity,
        unitOfMeasure: b.unitOfMeasure,
        daysOfCover: b.daysOfCover ?? null,
        minimum: b.minimum ?? null,
      })),
    };
  };
}
