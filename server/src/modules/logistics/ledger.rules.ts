import { MAX_SUPPLY_QUANTITY, type SupplyPlaceKind } from '@cc/shared';
import { domainError } from '../../core/errors';

/*
 * The ledger's pure rules: inputs a person can correct, who may post at a place, and the order
 * balance rows are locked in. No database here; the service applies them.
 */

export function quantityOf(field: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0 || value > MAX_SUPPLY_QUANTITY) {
    throw domainError('BAD_USER_INPUT', `Give a whole number from 1 to ${MAX_SUPPLY_QUANTITY.toLocaleString('en')}.`, {
      field,
      reason: 'supply/bad_quantity',
    });
  }
  return value;
}

export function requiredText(field: string, value: string | null | undefined, limit: number, what: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw domainError('BAD_USER_INPUT', `Give ${what}.`, { field, reason: 'text/empty' });
  return withinLimit(field, text, limit);
}

export function optionalText(field: string, value: string | null | undefined, limit: number): string {
  return withinLimit(field, value?.trim() ?? '', limit);
}

function withinLimit(field: string, text: string, limit: number): string {
  if (text.length > limit) {
    throw domainError('BAD_USER_INPUT', `Write at most ${limit} characters (now ${text.length}).`, {
      field,
      reason: 'text/too_long',
      limit,
    });
  }
  return text;
}

export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PlaceForPosting {
  id: string;
  kind: SupplyPlaceKind;
  keeperId: string | null | undefined;
  standInId: string | null | undefined;
}

/**
 * 专人专库: the depot whose keeper answers for a posting — the one the stock leaves, else the one
 * it enters; null when no depot is involved (checkpoints and units have no keeper).
 */
export function postingDepot(from: PlaceForPosting | null, to: PlaceForPosting | null): PlaceForPosting | null {
  if (from?.kind === 'DEPOT') return from;
  if (to?.kind === 'DEPOT') return to;
  return null;
}

/** Whether this person may post at this depot: its keeper or its stand-in. */
export function mayPostAt(depot: PlaceForPosting, userId: string | null | undefined): boolean {
  return !!userId && (depot.keeperId === userId || depot.standInId === userId);
}

/** A balance row's key. */
export interface BalanceKey {
  itemId: string;
  placeId: string;
  reservedForUnitId: string | null;
}

/**
 * THE lock order (ADR 0017): item id, then place id, then reserved-for unit (none first). Every
 * posting, and every caller posting several in one transaction, locks balance rows in this order,
 * so two transactions never wait on each other in a cycle.
 */
export function lockOrder(a: BalanceKey, b: BalanceKey): number {
  return compare(a.itemId, b.itemId) || compare(a.placeId, b.placeId) || compare(a.reservedForUnitId ?? '', b.reservedForUnitId ?? '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct keys in lock order. */
export function keysInLockOrder(keys: readonly BalanceKey[]): BalanceKey[] {
  const seen = new Map<string, BalanceKey>();
  for (const k of keys) seen.set(`${k.itemId}|${k.placeId}|${k.reservedForUnitId ?? ''}`, k);
  return [...seen.values()].sort(lockOrder);
}
