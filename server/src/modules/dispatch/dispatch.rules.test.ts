import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISPATCH_ORDER_STATUSES, VEHICLE_STATUSES, type CargoKind, type VehicleStatus, type VehicleType } from '@cc/shared';
import { isDomainError } from '../../core/errors';
import {
  assertOrderTransition,
  assertVehicleTransition,
  busyTime,
  cleanVehicleNote,
  compareDispatchOrders,
  dispatchOrderNumber,
  dispatchPriority,
  hqDay,
  hqDayBounds,
  normalisePlate,
  percentile,
  suggestVehicles,
  SUGGESTION_RULE,
  validateDispatchOrder,
  validateVehicle,
  type SuggestionCandidate,
} from './dispatch.rules';

function errorOf(fn: () => unknown): { code?: unknown; reason?: unknown; field?: unknown } | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { code: error.extensions['code'], reason: error.extensions['reason'], field: error.extensions['field'] };
  }
}

describe('the vehicle status machine', () => {
  // Written out by hand from the issue, not derived from the table under test.
  const allowed = new Set([
    'STANDBY>ASSIGNED',
    'STANDBY>MAINTENANCE',
    'STANDBY>OFF_DUTY',
    'ASSIGNED>EN_ROUTE',
    'ASSIGNED>STANDBY',
    'EN_ROUTE>ON_SITE',
    'EN_ROUTE>RETURNING',
    'ON_SITE>RETURNING',
    'RETURNING>STANDBY',
    'RETURNING>MAINTENANCE',
    'MAINTENANCE>STANDBY',
    'MAINTENANCE>OFF_DUTY',
    'OFF_DUTY>STANDBY',
    'OFF_DUTY>MAINTENANCE',
  ]);

  it.each(VEHICLE_STATUSES.flatMap((from) => VEHICLE_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s is allowed only if the issue allows it',
    (from, to) => {
      const outcome = errorOf(() => assertVehicleTransition('京A12345', from, to));
      if (allowed.has(`${from}>${to}`)) expect(outcome).toBe('no error');
      else expect(outcome).toEqual({ code: 'INVALID_TRANSITION', reason: 'vehicle/invalid_transition', field: undefined });
    },
  );

  it('never strands a vehicle: from every status there is a way back to standby', () => {
    for (const start of VEHICLE_STATUSES) {
      const seen = new Set<VehicleStatus>([start]);
      const queue: VehicleStatus[] = [start];
      while (queue.length) {
        const from = queue.shift()!;
        for (const to of VEHICLE_STATUSES) {
          if (!seen.has(to) && errorOf(() => assertVehicleTransition('x', from, to)) === 'no error') {
            seen.add(to);
            queue.push(to);
          }
        }
      }
      expect(seen.has('STANDBY'), `${start} can reach STANDBY`).toBe(true);
    }
  });

  it('keeps maintenance and off duty away from jobs: neither can be assigned directly', () => {
    expect(errorOf(() => assertVehicleTransition('京A12345', 'MAINTENANCE', 'ASSIGNED'))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(errorOf(() => assertVehicleTransition('京A12345', 'OFF_DUTY', 'ASSIGNED'))).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('the dispatch order lifecycle', () => {
  const allowed = new Set([
    'REQUESTED>ASSIGNED',
    'REQUESTED>CANCELLED',
    'OPEN>ASSIGNED',
    'OPEN>CANCELLED',
    'ASSIGNED>DEPARTED',
    'ASSIGNED>OPEN',
    'ASSIGNED>CANCELLED',
    'DEPARTED>ARRIVED',
    'DEPARTED>CANCELLED',
    'ARRIVED>COMPLETED',
  ]);

  it.each(DISPATCH_ORDER_STATUSES.flatMap((from) => DISPATCH_ORDER_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const outcome = errorOf(() => assertOrderTransition('DD-20261125-001', from, to));
    if (allowed.has(`${from}>${to}`)) expect(outcome).toBe('no error');
    else expect(outcome).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'dispatchOrder/invalid_transition' });
  });

  it('ends for good: nothing leaves COMPLETED or CANCELLED', () => {
    for (const to of DISPATCH_ORDER_STATUSES) {
      expect(errorOf(() => assertOrderTransition('n', 'COMPLETED', to))).not.toBe('no error');
      expect(errorOf(() => assertOrderTransition('n', 'CANCELLED', to))).not.toBe('no error');
    }
  });
});

describe('priority: green channel first (三不一优先)', () => {
  it('ranks green-channel cargo above any other cargo, however urgent the other', () => {
    const green: CargoKind[] = ['EPIDEMIC_SUPPLIES', 'DAILY_NECESSITIES', 'MEDICAL_TRANSFER'];
    const other: CargoKind[] = ['COAL', 'FUEL', 'PRODUCTION_MATERIALS', 'CHECKPOINT_REPLENISHMENT'];
    for (const g of green) for (const o of other) expect(dispatchPriority(g, false)).toBeLessThan(dispatchPriority(o, true));
  });

  it('ranks urgent before routine within the same channel', () => {
    expect(dispatchPriority('EPIDEMIC_SUPPLIES', true)).toBe(1);
    expect(dispatchPriority('EPIDEMIC_SUPPLIES', false)).toBe(2);
    expect(dispatchPriority('COAL', true)).toBe(3);
    expect(dispatchPriority('COAL', false)).toBe(4);
  });

  it('queues by priority, then by the earliest requested time, then by number', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 10, 25, h));
    const queue = [
      { number: 'DD-1', priority: 4, requestedAt: at(1) },
      { number: 'DD-2', priority: 2, requestedAt: at(5) },
      { number: 'DD-3', priority: 2, requestedAt: at(3) },
      { number: 'DD-4', priority: 1, requestedAt: at(9) },
      { number: 'DD-0', priority: 2, requestedAt: at(3) },
    ].sort(compareDispatchOrders);
    expect(queue.map((o) => o.number)).toEqual(['DD-4', 'DD-0', 'DD-3', 'DD-2', 'DD-1']);
  });
});

describe('HQ days and order numbers', () => {
  it('counts days in China Standard Time', () => {
    expect(hqDay(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(hqDay(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
    const { start, end } = hqDayBounds('2026-11-25');
    expect(start.toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });

  it('refuses a day that is not a date', () => {
    for (const day of ['2026-13-01', '2026-02-30', 'yesterday', '2026-1-1']) {
      expect(errorOf(() => hqDayBounds(day))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
    }
  });

  it('numbers orders DD-yyyymmdd-nnn', () => {
    expect(dispatchOrderNumber('2026-11-25', 1)).toBe('DD-20261125-001');
    expect(dispatchOrderNumber('2026-11-25', 1234)).toBe('DD-20261125-1234');
  });
});

describe('input checks', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const draft = {
    cargoKind: 'EPIDEMIC_SUPPLIES' as const,
    cargoDescription: ' 医用口罩 ',
    cargoAmount: 3.456,
    cargoUnit: 'TONNES' as const,
    origin: ' 县应急物资储备库 ',
    destination: '城关交通检疫点',
    urgent: true,
    notes: '',
  };

  it('trims text, rounds tonnes to the kilogram and defaults the requested time to now', () => {
    const clean = validateDispatchOrder(draft, now);
    expect(clean).toMatchObject({ origin: '县应急物资储备库', cargoDescription: '医用口罩', cargoAmount: 3.46, requestedAt: now });
  });

  it.each([
    [{ origin: '  ' }, 'origin'],
    [{ destination: '' }, 'destination'],
    [{ cargoAmount: 0 }, 'cargoAmount'],
    [{ cargoAmount: -1 }, 'cargoAmount'],
    [{ cargoAmount: 2.5, cargoUnit: 'PERSONS' as const }, 'cargoAmount'],
    [{ requestedAt: new Date('2026-10-01T00:00:00Z') }, 'requestedAt'],
  ])('refuses %o naming the field', (change, field) => {
    expect(errorOf(() => validateDispatchOrder({ ...draft, ...change }, now))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: undefined,
      field,
    });
  });

  it('refuses an implausibly large amount per unit instead of taking 99,999,999 tonnes (issue 27)', () => {
    for (const [cargoAmount, cargoUnit] of [
      [99_999_999, 'TONNES'],
      [1_000.01, 'TONNES'],
      [100_001, 'PIECES'],
      [501, 'PERSONS'],
    ] as const) {
      const refused = errorOf(() => validateDispatchOrder({ ...draft, cargoAmount, cargoUnit }, now));
      expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cargoAmount' });
    }
    expect(validateDispatchOrder({ ...draft, cargoAmount: 1_000 }, now).cargoAmount).toBe(1_000);
    expect(validateDispatchOrder({ ...draft, cargoAmount: 500, cargoUnit: 'PERSONS' }, now).cargoAmount).toBe(500);
  });

  it('refuses a non-positive amount, and one that would round to 0 t, with the limits in the message', () => {
    for (const cargoAmount of [-5, 0, 0.004, Number.NaN]) {
      expect(() => validateDispatchOrder({ ...draft, cargoAmount }, now)).toThrow(/One order takes from 0.01 to 1,000 t/);
    }
  });

  it('refuses a vehicle note over 500 characters instead of cutting it short (issue 27)', () => {
    expect(errorOf(() => cleanVehicleNote('长'.repeat(501)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(cleanVehicleNote(` ${'长'.repeat(500)} `)).toHaveLength(500);
    expect(cleanVehicleNote(undefined)).toBe('');
  });

  it('normalises plates and refuses what is not one', () => {
    expect(normalisePlate(' 京a·12345 ')).toBe('京A12345');
    expect(validateVehicle({ plate: '京a 12345' }, '2026-11-25').plate).toBe('京A12345');
    expect(validateVehicle({ plate: '京AD12345' }, '2026-11-25').plate).toBe('京AD12345');
    expect(errorOf(() => validateVehicle({ plate: 'ABC' }, '2026-11-25'))).toMatchObject({ field: 'plate' });
    // The shared plate rule: plates never use I or O; new-energy serials carry D or F.
    expect(errorOf(() => validateVehicle({ plate: '京A1234O' }, '2026-11-25'))).toMatchObject({
      field: 'plate',
      reason: 'plate/letter_i_o',
    });
    expect(errorOf(() => validateVehicle({ driverPhone: '12' }, '2026-11-25'))).toMatchObject({ field: 'driverPhone' });
    expect(validateVehicle({ driverPhone: '138 0000 1234' }, '2026-11-25').driverPhone).toBe('138 0000 1234');
    expect(errorOf(() => validateVehicle({ conditionCheckedOn: '2026-12-01' }, '2026-11-25'))).toMatchObject({
      field: 'conditionCheckedOn',
    });
    expect(errorOf(() => validateVehicle({ capacityTonnes: 0 }, '2026-11-25'))).toMatchObject({ field: 'capacityTonnes' });
  });
});

describe('vehicle suggestions', () => {
  let n = 0;
  const vehicle = (companyId: string, capacityTonnes: number, over: Partial<SuggestionCandidate> = {}): SuggestionCandidate => ({
    id: `v${++n}`,
    companyId,
    plate: `京A${String(n).padStart(5, '0')}`,
    vehicleType: 'BOX_TRUCK',
    capacityTonnes,
    status: 'STANDBY',
    statusSince: new Date(Date.UTC(2026, 10, 25, 0, n)),
    ...over,
  });
  const load = (entries: Record<string, number>) => new Map(Object.entries(entries));

  it('offers only ready vehicles whose type fits the cargo', () => {
    const fleet = [
      vehicle('A', 10, { vehicleType: 'TANKER' }),
      vehicle('A', 10, { vehicleType: 'BOX_TRUCK' }),
      vehicle('B', 10, { vehicleType: 'TANKER', status: 'MAINTENANCE' }),
      vehicle('C', 10, { vehicleType: 'TANKER', status: 'ASSIGNED' }),
    ];
    const result = suggestVehicles({ cargoKind: 'FUEL', cargoAmount: 5, cargoUnit: 'TONNES', assignedCapacities: [] }, fleet, load({}));
    expect(result.suggestions.map((s) => s.vehicleId)).toEqual([fleet[0]!.id]);
    expect(result.rule).toBe(SUGGESTION_RULE);
  });

  it('gives the job to the company that has done the fewest jobs today', () => {
    const fleet = [vehicle('A', 5), vehicle('B', 5), vehicle('C', 5)];
    const result = suggestVehicles(
      { cargoKind: 'DAILY_NECESSITIES', cargoAmount: 3, cargoUnit: 'TONNES', assignedCapacities: [] },
      fleet,
      load({ A: 2, B: 1, C: 3 }),
    );
    const [first, ...rest] = result.suggestions;
    expect(first).toMatchObject({ companyId: 'B', recommended: true, reason: 'COVERS_REMAINING_LOAD', companyJobsToday: 1 });
    expect(rest.every((s) => !s.recommended && s.reason === 'ALTERNATIVE')).toBe(true);
    expect(rest.map((s) => s.companyId)).toEqual(['A', 'C']);
  });

  it('spreads a load that needs several vehicles across the companies', () => {
    const fleet = ['A', 'B', 'C'].flatMap((c) => [vehicle(c, 8), vehicle(c, 8)]);
    const result = suggestVehicles(
      { cargoKind: 'EPIDEMIC_SUPPLIES', cargoAmount: 20, cargoUnit: 'TONNES', assignedCapacities: [] },
      fleet,
      load({}),
    );
    const picks = result.suggestions.filter((s) => s.recommended);
    expect(picks).toHaveLength(3);
    expect(new Set(picks.map((p) => p.companyId))).toEqual(new Set(['A', 'B', 'C']));
    expect(result.recommendedTonnes).toBe(24);
    expect(result.remainingTonnes).toBe(20);
  });

  it('picks the smallest vehicle that carries the rest, or the largest when none does', () => {
    const fleet = [vehicle('A', 2), vehicle('A', 5), vehicle('A', 12), vehicle('A', 30)];
    const fits = suggestVehicles(
      { cargoKind: 'COAL', cargoAmount: 4, cargoUnit: 'TONNES', assignedCapacities: [] },
      fleet.map((v) => ({ ...v, vehicleType: 'TRUCK' as VehicleType })),
      load({}),
    );
    expect(fits.suggestions.filter((s) => s.recommended).map((s) => s.vehicleId)).toEqual([fleet[1]!.id]);
    const big = suggestVehicles(
      { cargoKind: 'COAL', cargoAmount: 40, cargoUnit: 'TONNES', assignedCapacities: [] },
      fleet.map((v) => ({ ...v, vehicleType: 'TRUCK' as VehicleType })),
      load({}),
    );
    expect(big.suggestions.filter((s) => s.recommended).map((s) => s.reason)).toEqual(['LARGEST_READY', 'COVERS_REMAINING_LOAD']);
    expect(big.suggestions.filter((s) => s.recommended).map((s) => s.vehicleId)).toEqual([fleet[3]!.id, fleet[2]!.id]);
  });

  it('counts vehicles already on the order, and recommends one vehicle for persons or pieces', () => {
    const fleet = [vehicle('A', 5), vehicle('B', 5)];
    const covered = suggestVehicles(
      { cargoKind: 'DAILY_NECESSITIES', cargoAmount: 5, cargoUnit: 'TONNES', assignedCapacities: [5] },
      fleet,
      load({}),
    );
    expect(covered.suggestions.some((s) => s.recommended)).toBe(false);
    expect(covered.remainingTonnes).toBe(0);
    const transfer = suggestVehicles(
      { cargoKind: 'MEDICAL_TRANSFER', cargoAmount: 2, cargoUnit: 'PERSONS', assignedCapacities: [] },
      [vehicle('A', 1, { vehicleType: 'PASSENGER' }), vehicle('B', 1, { vehicleType: 'PASSENGER' })],
      load({ A: 1 }),
    );
    expect(transfer.suggestions.filter((s) => s.recommended)).toEqual([
      expect.objectContaining({ companyId: 'B', reason: 'ONE_VEHICLE_NEEDED' }),
    ]);
    expect(transfer.remainingTonnes).toBeNull();
  });

  it('keeps the companies within one pick of each other when they start even (any fleet, any load)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 8 }), (tonnes, capacity) => {
        const fleet = ['A', 'B', 'C'].flatMap((c) => Array.from({ length: 10 }, () => vehicle(c, capacity)));
        const picks = suggestVehicles(
          { cargoKind: 'DAILY_NECESSITIES', cargoAmount: tonnes, cargoUnit: 'TONNES', assignedCapacities: [] },
          fleet,
          load({}),
        ).suggestions.filter((s) => s.recommended);
        const perCompany = ['A', 'B', 'C'].map((c) => picks.filter((p) => p.companyId === c).length);
        expect(Math.max(...perCompany) - Math.min(...perCompany)).toBeLessThanOrEqual(1);
        expect(picks.length * capacity).toBeGreaterThanOrEqual(Math.min(tonnes, 30 * capacity));
      }),
    );
  });
});

describe('figures', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 25, h));

  it('counts the time a vehicle spent on jobs inside the window', () => {
    const span = {
      initial: 'STANDBY' as const,
      changes: [
        { at: at(2), to: 'ASSIGNED' as const },
        { at: at(3), to: 'EN_ROUTE' as const },
        { at: at(5), to: 'RETURNING' as const },
        { at: at(6), to: 'STANDBY' as const },
        { at: at(8), to: 'MAINTENANCE' as const },
      ],
    };
    expect(busyTime(span, at(0), at(10))).toEqual({ inFleetMs: 10 * 3_600_000, busyMs: 4 * 3_600_000 });
    expect(busyTime(span, at(4), at(10))).toEqual({ inFleetMs: 6 * 3_600_000, busyMs: 2 * 3_600_000 });
  });

  it('does not count a vehicle before it joined the fleet', () => {
    expect(busyTime({ initial: null, changes: [{ at: at(6), to: 'STANDBY' }] }, at(0), at(10))).toEqual({
      inFleetMs: 4 * 3_600_000,
      busyMs: 0,
    });
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });
});
