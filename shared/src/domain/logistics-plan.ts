import { urgencyRank, type RequisitionUrgency } from './requisitions';

/**
 * The daily allocation plan (当日防控物资调配方案, plan 2 §3.5), proposed by the four principles
 * of plan 2 §3 (市级防控物资调配坚持以下四个原则):
 *   1. urgent use first (急用优先保障): the medical front line, then the front line, then the rest;
 *   2. key areas first, no equal split (重点地区优先保障, 不搞平均分配): a need is served in full
 *      before the next one gets anything — never a pro-rata share of a short item;
 *   3. nearest stock (就地就近调配): each line takes from the nearest place holding the item, then
 *      the next nearest;
 *   4. once a day (每天调配一次): one plan per HQ day, gathering the needs received by the cut-off
 *      (11:00); a need received later waits for tomorrow's plan.
 * Pure: the service loads needs, stock and distances and stores what this returns; logistics
 * edits the proposal and a leader approves it.
 */

export interface PlanNeedLine {
  lineId: string;
  itemId: string;
  quantity: number;
}

export interface PlanNeed {
  needId: string;
  unitId: string;
  urgency: RequisitionUrgency;
  /** 重点地区/重点单位: set by logistics; served before others of the same urgency. */
  keyArea: boolean;
  receivedAt: Date;
  lines: readonly PlanNeedLine[];
}

export interface PlanStock {
  placeId: string;
  itemId: string;
  /** What the place holds and nothing else has claimed yet. */
  available: number;
}

export interface PlannedLine {
  needId: string;
  lineId: string;
  itemId: string;
  placeId: string;
  quantity: number;
}

export interface PlanShortfall {
  needId: string;
  lineId: string;
  itemId: string;
  missing: number;
}

export interface ProposedPlan {
  /** Needs in the order they were served (principles 1 and 2). */
  order: string[];
  lines: PlannedLine[];
  shortfalls: PlanShortfall[];
  /** Needs received after the cut-off: tomorrow's plan (principle 4). */
  deferred: string[];
}

/** The order needs are served in: urgency, then key areas, then first received (then id, for a stable order). */
export function compareNeeds(a: PlanNeed, b: PlanNeed): number {
  return (
    urgencyRank(a.urgency) - urgencyRank(b.urgency) ||
    Number(b.keyArea) - Number(a.keyArea) ||
    a.receivedAt.getTime() - b.receivedAt.getTime() ||
    (a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : 0)
  );
}

/**
 * Proposes the day's plan. `distance(placeId, need)` ranks the places for a need (smaller is
 * nearer; ties go to the place id, so the proposal is reproducible).
 */
export function proposeAllocationPlan(input: {
  cutoff: Date;
  needs: readonly PlanNeed[];
  stock: readonly PlanStock[];
  distance: (placeId: string, need: PlanNeed) => number;
}): ProposedPlan {
  const left = new Map<string, number>();
  const key = (placeId: string, itemId: string) => `${placeId} ${itemId}`;
  for (const s of input.stock) left.set(key(s.placeId, s.itemId), (left.get(key(s.placeId, s.itemId)) ?? 0) + Math.max(0, s.available));
  const places = [...new Set(input.stock.map((s) => s.placeId))];

  const due = input.needs.filter((n) => n.receivedAt.getTime() <= input.cutoff.getTime()).sort(compareNeeds);
  const deferred = input.needs.filter((n) => n.receivedAt.getTime() > input.cutoff.getTime()).map((n) => n.needId);
  const lines: PlannedLine[] = [];
  const shortfalls: PlanShortfall[] = [];
  for (const need of due) {
    const nearest = [...places].sort((a, b) => input.distance(a, need) - input.distance(b, need) || (a < b ? -1 : a > b ? 1 : 0));
    for (const line of need.lines) {
      let wanted = line.quantity;
      for (const placeId of nearest) {
        if (wanted <= 0) break;
        const has = left.get(key(placeId, line.itemId)) ?? 0;
        if (has <= 0) continue;
        const take = Math.min(has, wanted);
        left.set(key(placeId, line.itemId), has - take);
        wanted -= take;
        lines.push({ needId: need.needId, lineId: line.lineId, itemId: line.itemId, placeId, quantity: take });
      }
      if (wanted > 0) shortfalls.push({ needId: need.needId, lineId: line.lineId, itemId: line.itemId, missing: wanted });
    }
  }
  return { order: due.map((n) => n.needId), lines, shortfalls, deferred };
}

/**
 * Takes `quantity` of one item from the nearest places first (principle 3): the fulfilment of one
 * approved requisition line. Returns the takes and what could not be covered.
 */
export function takeNearestFirst(
  quantity: number,
  places: readonly { placeId: string; available: number; distance: number }[],
): { takes: { placeId: string; quantity: number }[]; missing: number } {
  const ranked = [...places].sort((a, b) => a.distance - b.distance || (a.placeId < b.placeId ? -1 : a.placeId > b.placeId ? 1 : 0));
  const takes: { placeId: string; quantity: number }[] = [];
  let wanted = quantity;
  for (const place of ranked) {
    if (wanted <= 0) break;
    const take = Math.min(Math.max(0, place.available), wanted);
    if (take <= 0) continue;
    takes.push({ placeId: place.placeId, quantity: take });
    wanted -= take;
  }
  return { takes, missing: wanted };
}
