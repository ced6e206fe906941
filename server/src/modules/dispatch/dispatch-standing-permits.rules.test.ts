import { describe, expect, it } from 'vitest';
import { suggestVehicles, type SuggestionCandidate } from './dispatch.rules';

/** Suggestions prefer vehicles that hold a valid standing permit for the cargo (issue 21). */
describe('vehicle suggestions with standing permits', () => {
  let n = 0;
  const vehicle = (companyId: string, capacityTonnes: number): SuggestionCandidate => ({
    id: `v${++n}`,
    companyId,
    plate: `京A${String(n).padStart(5, '0')}`,
    vehicleType: 'BOX_TRUCK',
    capacityTonnes,
    status: 'STANDBY',
    statusSince: new Date(Date.UTC(2026, 10, 25, 0, n)),
  });
  const order = { cargoKind: 'EPIDEMIC_SUPPLIES' as const, cargoAmount: 3, cargoUnit: 'TONNES' as const, assignedCapacities: [] };

  it('recommends a permit holder even from a busier company, and lists holders first among the alternatives', () => {
    const fleet = [vehicle('A', 5), vehicle('B', 5), vehicle('C', 5), vehicle('C', 8)];
    const result = suggestVehicles(order, fleet, new Map([['C', 4]]), new Set([fleet[3]!.id, fleet[2]!.id]));
    expect(result.suggestions[0]).toMatchObject({ vehicleId: fleet[2]!.id, recommended: true });
    expect(result.suggestions.slice(1).map((s) => s.vehicleId)).toEqual([fleet[3]!.id, fleet[0]!.id, fleet[1]!.id]);
  });

  it('goes on to vehicles without a permit when the holders cannot carry the load', () => {
    const fleet = [vehicle('A', 5), vehicle('B', 5)];
    const result = suggestVehicles({ ...order, cargoAmount: 9 }, fleet, new Map(), new Set([fleet[1]!.id]));
    expect(result.suggestions.filter((s) => s.recommended).map((s) => s.vehicleId)).toEqual([fleet[1]!.id, fleet[0]!.id]);
  });

  it('is the balanced rule unchanged when nobody holds a permit', () => {
    const fleet = [vehicle('A', 5), vehicle('B', 5)];
    const without = suggestVehicles(order, fleet, new Map([['A', 1]]));
    expect(suggestVehicles(order, fleet, new Map([['A', 1]]), new Set())).toEqual(without);
    expect(without.suggestions[0]!.companyId).toBe('B');
  });
});
