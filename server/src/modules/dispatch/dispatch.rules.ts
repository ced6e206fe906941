import {
  canMoveDispatchOrder,
  canMoveVehicle,
  checkPhone,
  checkPlate,
  cargoAmountProblem,
  DISPATCH_TEXT_LIMITS,
  hqDay,
  hqDayRange,
  isGreenChannel,
  isHqDay,
  normalisePlate,
  MAX_CARGO_AMOUNT,
  MIN_CARGO_AMOUNT,
  vehicleFitsCargo,
  VEHICLE_BUSY_STATUSES,
  type CargoKind,
  type CargoUnit,
  type DispatchOrderStatus,
  type FieldProblem,
  type VehicleStatus,
  type VehicleType,
} from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { domainError } from '../../core/errors';

/*
 * The dispatch rules as pure functions: no database, no clock of their own. The service
 * calls them inside its unit of work; dispatch.rules.test.ts checks them without a server.
 */

// ---------------------------------------------------------------------------------------------
// Status machines

export function assertVehicleTransition(plate: string, from: VehicleStatus, to: VehicleStatus): void {
  if (!canMoveVehicle(from, to)) {
    throw domainError('INVALID_TRANSITION', `${plate} is ${from} and cannot become ${to}.`, {
      reason: 'vehicle/invalid_transition',
      from,
      to,
    });
  }
}

export function assertOrderTransition(number: string, from: DispatchOrderStatus, to: DispatchOrderStatus): void {
  if (!canMoveDispatchOrder(from, to)) {
    throw domainError('INVALID_TRANSITION', `Dispatch order ${number} is ${from} and cannot become ${to}.`, {
      reason: 'dispatchOrder/invalid_transition',
      from,
      to,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Priority: green channel first (三不一优先), then urgent before routine

/** 1 is served first. Green-channel cargo always outranks other cargo, however urgent. */
export function dispatchPriority(cargoKind: CargoKind, urgent: boolean): 1 | 2 | 3 | 4 {
  if (isGreenChannel(cargoKind)) return urgent ? 1 : 2;
  return urgent ? 3 : 4;
}

export interface QueuedOrder {
  priority: number;
  requestedAt: Date;
  number: string;
}

/** The dispatcher's queue order: priority, then who asked for the earliest time, then number. */
export function compareDispatchOrders(a: QueuedOrder, b: QueuedOrder): number {
  return (
    a.priority - b.priority || a.requestedAt.getTime() - b.requestedAt.getTime() || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)
  );
}

// ---------------------------------------------------------------------------------------------
// HQ days and order numbers

/** The HQ calendar day of an instant, as YYYY-MM-DD (HQ time lives in `@cc/shared`). */
export { hqDay };

/** The instants an HQ day runs between: [start, end); a malformed day is the caller's input error. */
export function hqDayBounds(day: string): { start: Date; end: Date } {
  if (!isHqDay(day)) throw domainError('BAD_USER_INPUT', `"${day}" is not a date; write it as YYYY-MM-DD.`, { field: 'day' });
  return hqDayRange(day);
}

/** DD-20261125-001: the HQ day and that day's sequence, at least three digits. */
export function dispatchOrderNumber(day: string, sequence: number): string {
  return `DD-${day.replaceAll('-', '')}-${String(sequence).padStart(3, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Input checks

const { origin: MAX_PLACE, cargoDescription: MAX_CARGO_DESCRIPTION, notes: MAX_NOTES } = DISPATCH_TEXT_LIMITS;
/** A request may be logged after the fact, but not for last month. */
const DAY_MS = 86_400_000;
const MAX_REQUESTED_PAST_MS = 7 * DAY_MS;
const MAX_REQUESTED_FUTURE_MS = 60 * DAY_MS;

export interface DispatchOrderDraft {
  cargoKind: CargoKind;
  cargoDescription: string;
  cargoAmount: number;
  cargoUnit: CargoUnit;
  origin: string;
  destination: string;
  urgent: boolean;
  requestedAt?: Date | null;
  notes: string;
}

/** Checks a new order and returns it cleaned, or throws BAD_USER_INPUT naming the field. */
export function validateDispatchOrder<T extends DispatchOrderDraft>(draft: T, now: Date): T & { requestedAt: Date } {
  const origin = draft.origin.trim();
  const destination = draft.destination.trim();
  const cargoDescription = draft.cargoDescription.trim();
  if (!origin) throw badInput('origin', 'Say where the cargo is picked up.');
  if (origin.length > MAX_PLACE) throw badInput('origin', `The origin is too long; keep it to ${MAX_PLACE} characters.`);
  if (!destination) throw badInput('destination', 'Say where the cargo goes.');
  if (destination.length > MAX_PLACE) throw badInput('destination', `The destination is too long; keep it to ${MAX_PLACE} characters.`);
  if (cargoDescription.length > MAX_CARGO_DESCRIPTION)
    throw badInput('cargoDescription', `The cargo description is too long; keep it to ${MAX_CARGO_DESCRIPTION} characters.`);
  if (draft.notes.length > MAX_NOTES) throw badInput('notes', `The notes are too long; keep them to ${MAX_NOTES} characters.`);
  checkCargoAmount(draft.cargoAmount, draft.cargoUnit);
  const requestedAt = draft.requestedAt ?? now;
  if (requestedAt.getTime() < now.getTime() - MAX_REQUESTED_PAST_MS)
    throw badInput('requestedAt', 'The requested time is more than a week ago.');
  if (requestedAt.getTime() > now.getTime() + MAX_REQUESTED_FUTURE_MS)
    throw badInput('requestedAt', 'The requested time is more than 60 days ahead.');
  return { ...draft, origin, destination, cargoDescription, cargoAmount: Math.round(draft.cargoAmount * 100) / 100, requestedAt };
}

const UNIT_NAME: Record<CargoUnit, string> = { TONNES: 't', PIECES: 'pieces', PERSONS: 'persons' };

/** An order's amount: more than zero and no more than one order carries (limits in `@cc/shared`). */
export function checkCargoAmount(amount: number, unit: CargoUnit): void {
  const problem = cargoAmountProblem(amount, unit);
  if (!problem) return;
  const limits = `from ${MIN_CARGO_AMOUNT[unit]} to ${MAX_CARGO_AMOUNT[unit].toLocaleString('en')} ${UNIT_NAME[unit]}`;
  const why: Record<typeof problem, string> = {
    NOT_POSITIVE: 'The cargo amount must be more than zero.',
    NOT_WHOLE: 'Pieces and persons are counted in whole numbers.',
    TOO_SMALL: `The cargo amount ${amount} ${UNIT_NAME[unit]} is less than ${MIN_CARGO_AMOUNT[unit]} ${UNIT_NAME[unit]}.`,
    TOO_LARGE: `The cargo amount ${amount.toLocaleString('en')} ${UNIT_NAME[unit]} is more than one order carries; split it into several orders.`,
  };
  throw badInput('cargoAmount', `${why[problem]} One order takes ${limits}.`, { min: MIN_CARGO_AMOUNT[unit], max: MAX_CARGO_AMOUNT[unit] });
}

const MAX_VEHICLE_NOTE = 500;

/** A note on a vehicle's status change, trimmed; a longer one is refused, never cut short. */
export function cleanVehicleNote(note: string | null | undefined): string {
  const text = (note ?? '').trim();
  if (text.length > MAX_VEHICLE_NOTE)
    throw badInput('note', `The note is ${text.length} characters; keep it to ${MAX_VEHICLE_NOTE}.`, { max: MAX_VEHICLE_NOTE });
  return text;
}

export interface VehicleDraft {
  plate: string;
  vehicleType: VehicleType;
  capacityTonnes: number;
  driverName: string;
  driverPhone: string;
  conditionCheckedOn: string;
  notes: string;
}

/** Plates are compared without spaces or separators, in capitals (the shared rule: "京a·12345" is 京A12345). */
export { normalisePlate };

/** A shared check's refusal as this field's typed error: the advice in English, its code as the reason. */
function refusedField(field: string, problem: FieldProblem) {
  return badInput(field, problem.en, { reason: problem.code, advice: problem.zh });
}

export function validateVehicle<T extends Partial<VehicleDraft>>(draft: T, today: string): T {
  const out: Partial<VehicleDraft> = { ...draft };
  if (draft.plate !== undefined) {
    const plate = checkPlate(draft.plate);
    if (!plate.ok) throw refusedField('plate', plate.problem);
    out.plate = plate.value.plate;
  }
  if (draft.capacityTonnes !== undefined && !(draft.capacityTonnes > 0 && draft.capacityTonnes <= 100))
    throw badInput('capacityTonnes', 'The capacity is in tonnes, more than 0 and at most 100.');
  if (draft.driverName !== undefined) {
    out.driverName = draft.driverName.trim();
    if (!out.driverName || out.driverName.length > 40) throw badInput('driverName', 'Give the driver’s name (up to 40 characters).');
  }
  if (draft.driverPhone !== undefined) {
    const phone = checkPhone(draft.driverPhone);
    if (!phone.ok) throw refusedField('driverPhone', phone.problem);
    out.driverPhone = draft.driverPhone.trim();
  }
  if (draft.conditionCheckedOn !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.conditionCheckedOn) || Number.isNaN(Date.parse(draft.conditionCheckedOn)))
      throw badInput('conditionCheckedOn', 'Write the condition check date as YYYY-MM-DD.');
    if (draft.conditionCheckedOn > today) throw badInput('conditionCheckedOn', 'The condition check date is in the future.');
  }
  if (draft.notes !== undefined && draft.notes.length > 1000)
    throw badInput('notes', 'The notes are too long; keep them to 1000 characters.');
  return out as T;
}

/** Links to other records (incident, call, requisition, permit, unit) must at least look like ids. */
export function assertIdsWellFormed(ids: Readonly<Record<string, string | null | undefined>>): void {
  for (const [field, value] of Object.entries(ids)) {
    if (value != null && !isUuid(value)) throw badInput(field, `"${value}" is not a record id.`);
  }
}

function badInput(field: string, message: string, more: Record<string, unknown> = {}) {
  return domainError('BAD_USER_INPUT', message, { ...more, field });
}

// ---------------------------------------------------------------------------------------------
// Suggestions: ready vehicles that fit, balanced across the companies

/** The rule the console explains beside the suggestions (an i18n key; the text lives in the client). */
export const SUGGESTION_RULE = 'dispatch.suggest.rule.balancedByJobsToday';

export interface SuggestionCandidate {
  id: string;
  companyId: string;
  plate: string;
  vehicleType: VehicleType;
  capacityTonnes: number;
  status: VehicleStatus;
  statusSince: Date;
}

export interface SuggestionRequest {
  cargoKind: CargoKind;
  cargoAmount: number;
  cargoUnit: CargoUnit;
  /** Vehicles already on the order, with their capacities. */
  assignedCapacities: readonly number[];
}

export type SuggestionReason = 'COVERS_REMAINING_LOAD' | 'LARGEST_READY' | 'ONE_VEHICLE_NEEDED' | 'ALTERNATIVE';

export interface Suggestion {
  vehicleId: string;
  companyId: string;
  recommended: boolean;
  reason: SuggestionReason;
  /** Jobs the vehicle's company had started today when the suggestion was made. */
  companyJobsToday: number;
}

export interface SuggestionResult {
  rule: typeof SUGGESTION_RULE;
  /** Tonnes still to cover, or null when the cargo is not counted in tonnes. */
  remainingTonnes: number | null;
  /** Tonnes the recommended vehicles carry together. */
  recommendedTonnes: number;
  suggestions: Suggestion[];
}

/**
 * Which ready vehicles to offer for an order, best first:
 * only STANDBY vehicles whose type fits the cargo; each pick goes to the company that has
 * started the fewest jobs today (counting the picks already made), so the work is shared
 * across the three companies; within that company, the smallest vehicle that carries the
 * remaining load, or the largest if none does; ties go to the vehicle waiting longest.
 * Picks stop when the load is covered (tonnes) or at one vehicle (pieces, persons).
 * Vehicles in `preferred` (those holding a valid standing permit for the cargo) are picked
 * first, by the same rule among themselves, and lead the alternatives: a vehicle that already
 * has its permit leaves at once, the others wait for one.
 */
export function suggestVehicles(
  order: SuggestionRequest,
  vehicles: readonly SuggestionCandidate[],
  jobsTodayByCompany: ReadonlyMap<string, number>,
  preferred: ReadonlySet<string> = new Set(),
): SuggestionResult {
  const load = new Map<string, number>();
  const jobsToday = (companyId: string) => jobsTodayByCompany.get(companyId) ?? 0;
  const candidates = vehicles.filter((v) => v.status === 'STANDBY' && vehicleFitsCargo(v.vehicleType, order.cargoKind));
  const byTonnes = order.cargoUnit === 'TONNES';
  const assigned = order.assignedCapacities.reduce((sum, c) => sum + c, 0);
  let remaining = byTonnes ? Math.max(0, round2(order.cargoAmount - assigned)) : order.assignedCapacities.length > 0 ? 0 : 1;
  const pool = [...candidates];
  const picks: Suggestion[] = [];
  let recommendedTonnes = 0;

  while (remaining > 0 && pool.length > 0) {
    const holding = pool.filter((v) => preferred.has(v.id));
    const from = holding.length > 0 ? holding : pool;
    const companyId = leastLoaded(from, (id) => jobsToday(id) + (load.get(id) ?? 0));
    const ofCompany = from.filter((v) => v.companyId === companyId);
    const vehicle = bestFit(ofCompany, byTonnes ? remaining : 0);
    const reason: SuggestionReason = !byTonnes
      ? 'ONE_VEHICLE_NEEDED'
      : vehicle.capacityTonnes >= remaining
        ? 'COVERS_REMAINING_LOAD'
        : 'LARGEST_READY';
    picks.push({ vehicleId: vehicle.id, companyId, recommended: true, reason, companyJobsToday: jobsToday(companyId) });
    load.set(companyId, (load.get(companyId) ?? 0) + 1);
    pool.splice(pool.indexOf(vehicle), 1);
    recommendedTonnes = round2(recommendedTonnes + vehicle.capacityTonnes);
    remaining = byTonnes ? Math.max(0, round2(remaining - vehicle.capacityTonnes)) : 0;
  }

  const alternatives = pool
    .sort(
      (a, b) =>
        Number(preferred.has(b.id)) - Number(preferred.has(a.id)) || jobsToday(a.companyId) - jobsToday(b.companyId) || byWaiting(a, b),
    )
    .map<Suggestion>((v) => ({
      vehicleId: v.id,
      companyId: v.companyId,
      recommended: false,
      reason: 'ALTERNATIVE',
      companyJobsToday: jobsToday(v.companyId),
    }));

  return {
    rule: SUGGESTION_RULE,
    remainingTonnes: byTonnes ? Math.max(0, round2(order.cargoAmount - assigned)) : null,
    recommendedTonnes,
    suggestions: [...picks, ...alternatives],
  };
}

function leastLoaded(pool: readonly SuggestionCandidate[], loadOf: (companyId: string) => number): string {
  const ready = new Map<string, number>();
  for (const v of pool) ready.set(v.companyId, (ready.get(v.companyId) ?? 0) + 1);
  // Fewest jobs first; then the company with more ready vehicles; then a stable order.
  return [...ready.keys()].sort((a, b) => loadOf(a) - loadOf(b) || ready.get(b)! - ready.get(a)! || (a < b ? -1 : 1))[0]!;
}

function bestFit(vehicles: readonly SuggestionCandidate[], remaining: number): SuggestionCandidate {
  const covering = vehicles.filter((v) => v.capacityTonnes >= remaining);
  if (covering.length > 0) return [...covering].sort((a, b) => a.capacityTonnes - b.capacityTonnes || byWaiting(a, b))[0]!;
  return [...vehicles].sort((a, b) => b.capacityTonnes - a.capacityTonnes || byWaiting(a, b))[0]!;
}

function byWaiting(a: SuggestionCandidate, b: SuggestionCandidate): number {
  return a.statusSince.getTime() - b.statusSince.getTime() || (a.plate < b.plate ? -1 : a.plate > b.plate ? 1 : 0);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Figures: utilisation and response time

export interface StatusSpan {
  /** The status the vehicle had when the window opened; null if it joined the fleet later. */
  initial: VehicleStatus | null;
  /** Its changes inside the window, in time order. */
  changes: readonly { at: Date; to: VehicleStatus }[];
}

/**
 * How long a vehicle was in the fleet and how long of that it was on a job
 * (assigned, en route, on site or returning) between `from` and `to`.
 */
export function busyTime(span: StatusSpan, from: Date, to: Date): { inFleetMs: number; busyMs: number } {
  let status = span.initial;
  let cursor = from.getTime();
  const end = to.getTime();
  let inFleetMs = 0;
  let busyMs = 0;
  const account = (until: number) => {
    const length = Math.max(0, Math.min(until, end) - cursor);
    if (status !== null) inFleetMs += length;
    if (status !== null && VEHICLE_BUSY_STATUSES.includes(status)) busyMs += length;
  };
  for (const change of span.changes) {
    const at = Math.max(change.at.getTime(), from.getTime());
    if (at >= end) break;
    account(at);
    cursor = Math.max(cursor, at);
    status = change.to;
  }
  account(end);
  return { inFleetMs, busyMs };
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers; null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
