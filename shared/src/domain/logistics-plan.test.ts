import { describe, expect, it } from 'vitest';
import { atHqTime } from './hq-time';
import { compareNeeds, proposeAllocationPlan, takeNearestFirst, type PlanNeed } from './logistics-plan';

const at = (time: string) => atHqTime('2026-12-08', time);
const need = (needId: string, over: Partial<PlanNeed>): PlanNeed => ({
  needId,
  unitId: `unit-${needId}`,
  urgency: 'ROUTINE',
  keyArea: false,
  receivedAt: at('09:00'),
  lines: [],
  ...over,
});

/**
 * The known case: 1000 masks and 200 protective suits in two places, the county depot (near the
 * town) and the east checkpoint store; four units ask before 11:00, one after.
 */
describe('proposeAllocationPlan: the four principles of plan 2 on a known case', () => {
  const distances: Record<string, Record<string, number>> = {
    hospital: { depot: 2, east: 9 },
    checkpoint: { depot: 7, east: 1 },
    school: { depot: 3, east: 5 },
    keyTown: { depot: 4, east: 4 },
    late: { depot: 1, east: 1 },
  };
  const needs: PlanNeed[] = [
    need('school', { urgency: 'ROUTINE', receivedAt: at('08:00'), lines: [{ lineId: 's1', itemId: 'mask', quantity: 400 }] }),
    need('keyTown', {
      urgency: 'ROUTINE',
      keyArea: true,
      receivedAt: at('10:30'),
      lines: [{ lineId: 'k1', itemId: 'mask', quantity: 300 }],
    }),
    need('checkpoint', {
      urgency: 'FRONTLINE',
      receivedAt: at('09:30'),
      lines: [
        { lineId: 'c1', itemId: 'mask', quantity: 200 },
        { lineId: 'c2', itemId: 'suit', quantity: 50 },
      ],
    }),
    need('hospital', {
      urgency: 'MEDICAL_FRONTLINE',
      receivedAt: at('10:59'),
      lines: [
        { lineId: 'h1', itemId: 'mask', quantity: 300 },
        { lineId: 'h2', itemId: 'suit', quantity: 180 },
      ],
    }),
    need('late', { urgency: 'MEDICAL_FRONTLINE', receivedAt: at('11:01'), lines: [{ lineId: 'l1', itemId: 'mask', quantity: 10 }] }),
  ];
  const plan = proposeAllocationPlan({
    cutoff: at('11:00'),
    needs,
    stock: [
      { placeId: 'depot', itemId: 'mask', available: 700 },
      { placeId: 'east', itemId: 'mask', available: 300 },
      { placeId: 'depot', itemId: 'suit', available: 100 },
      { placeId: 'east', itemId: 'suit', available: 100 },
    ],
    distance: (placeId, n) => distances[n.needId]![placeId]!,
  });

  it('serves the medical front line first, then the front line, then key areas, then the rest by arrival', () => {
    expect(plan.order).toEqual(['hospital', 'checkpoint', 'keyTown', 'school']);
  });

  it('leaves a need received after 11:00 for tomorrow (once a day)', () => {
    expect(plan.deferred).toEqual(['late']);
    expect(plan.lines.some((l) => l.needId === 'late')).toBe(false);
  });

  it('takes from the nearest place first, then the next nearest', () => {
    const forLine = (lineId: string) => plan.lines.filter((l) => l.lineId === lineId).map((l) => [l.placeId, l.quantity]);
    expect(forLine('h1')).toEqual([['depot', 300]]);
    expect(forLine('h2')).toEqual([
      ['depot', 100],
      ['east', 80],
    ]);
    expect(forLine('c1')).toEqual([['east', 200]]);
    expect(forLine('c2')).toEqual([['east', 20]]);
  });

  it('serves a key area in full before the next unit gets anything: no equal split', () => {
    const masksFor = (needId: string) =>
      plan.lines.filter((l) => l.needId === needId && l.itemId === 'mask').reduce((s, l) => s + l.quantity, 0);
    // 1000 masks: hospital 300, checkpoint 200, the key town all its 300, the school the 200 left.
    expect(masksFor('keyTown')).toBe(300);
    expect(masksFor('school')).toBe(200);
    expect(plan.shortfalls).toEqual([
      { needId: 'checkpoint', lineId: 'c2', itemId: 'suit', missing: 30 },
      { needId: 'school', lineId: 's1', itemId: 'mask', missing: 200 },
    ]);
  });

  it('never plans more than a place holds', () => {
    const taken = new Map<string, number>();
    for (const l of plan.lines) taken.set(`${l.placeId}/${l.itemId}`, (taken.get(`${l.placeId}/${l.itemId}`) ?? 0) + l.quantity);
    expect(Object.fromEntries(taken)).toEqual({ 'depot/mask': 700, 'east/mask': 300, 'depot/suit': 100, 'east/suit': 100 });
  });
});

describe('compareNeeds', () => {
  it('puts a key area before a routine unit of the same urgency, but after any more urgent need', () => {
    const key = need('a', { keyArea: true, receivedAt: at('10:00') });
    const routine = need('b', { receivedAt: at('08:00') });
    const front = need('c', { urgency: 'FRONTLINE', receivedAt: at('10:30') });
    expect([routine, key, front].sort(compareNeeds).map((n) => n.needId)).toEqual(['c', 'a', 'b']);
  });
});

describe('takeNearestFirst', () => {
  it('fills a line from the nearest places and reports what is missing', () => {
    expect(
      takeNearestFirst(50, [
        { placeId: 'far', available: 100, distance: 10 },
        { placeId: 'near', available: 30, distance: 1 },
        { placeId: 'empty', available: 0, distance: 0 },
      ]),
    ).toEqual({
      takes: [
        { placeId: 'near', quantity: 30 },
        { placeId: 'far', quantity: 20 },
      ],
      missing: 0,
    });
    expect(takeNearestFirst(5, [{ placeId: 'p', available: 2, distance: 1 }])).toEqual({
      takes: [{ placeId: 'p', quantity: 2 }],
      missing: 3,
    });
  });
});
