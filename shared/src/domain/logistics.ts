/**
 * 后勤保障: the supply ledger's vocabulary (plan 2 of seed 001 and plan 3's logistics group),
 * shared by the server and the console.
 */

/** Plan 2 §1 lists the epidemic supplies; plan 4 adds daily necessities (粮、油、肉、蛋、蔬菜). */
export const SUPPLY_CATEGORIES = ['DISINFECTANT', 'MASKS', 'PROTECTIVE_SUITS', 'THERMOMETERS', 'FOOD_AND_NECESSITIES', 'OTHER'] as const;
export type SupplyCategory = (typeof SUPPLY_CATEGORIES)[number];

/** Places that hold stock: depots (专人专库, a keeper each), traffic quarantine checkpoints (交通检疫点), member units. */
export const SUPPLY_PLACE_KINDS = ['DEPOT', 'CHECKPOINT', 'UNIT'] as const;
export type SupplyPlaceKind = (typeof SUPPLY_PLACE_KINDS)[number];

/** What a ledger entry records; corrections are REVERSAL entries, never edits (plan 2 §5). */
export const SUPPLY_ENTRY_KINDS = ['INTAKE', 'ISSUE', 'TRANSFER', 'ADJUSTMENT', 'REVERSAL'] as const;
export type SupplyEntryKind = (typeof SUPPLY_ENTRY_KINDS)[number];

/** Plan 2 §2: central purchase or local production, allocation from above (上级下拨), donation (受赠). */
export const SUPPLY_SOURCES = ['CENTRAL_PURCHASE', 'LOCAL_PRODUCTION', 'ALLOCATION_FROM_ABOVE', 'DONATION'] as const;
export type SupplySource = (typeof SUPPLY_SOURCES)[number];

/** Plan 2 §2: 验收、核实、登记、入库 — accepted, verified (quality checked), registered, stocked. */
export const SUPPLY_INTAKE_STEPS = ['ACCEPTED', 'VERIFIED', 'REGISTERED', 'STOCKED'] as const;
export type SupplyIntakeStep = (typeof SUPPLY_INTAKE_STEPS)[number];

/** The step after `step`, or null once stocked. */
export function nextIntakeStep(step: SupplyIntakeStep): SupplyIntakeStep | null {
  return SUPPLY_INTAKE_STEPS[SUPPLY_INTAKE_STEPS.indexOf(step) + 1] ?? null;
}

/** Plan 4: shops keep a week's supply of the important necessities (为期一周); the default cover floor for them. */
export const NECESSITIES_COVER_DAYS = 7;

/** Quantities are whole units of the item's measure (箱, 瓶, 件…); one posting moves at most this many. */
export const MAX_SUPPLY_QUANTITY = 10_000_000;

/** Text limits the server enforces and the console counts down (CountedInput). */
export const SUPPLY_TEXT_LIMITS = {
  itemName: 60,
  unitOfMeasure: 10,
  placeCode: 40,
  placeName: 80,
  party: 120,
  note: 500,
  reason: 300,
} as const;
