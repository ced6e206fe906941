import type { Role } from '@cc/shared';
import type { Viewer } from '../context';
import { notFound } from '../errors';

/**
 * Record-level scoping for member units, in one place for every module.
 *
 * HQ roles work across all member units (信息互通); a unit liaison (联络员) sees and changes
 * only their own unit's requests and reports. A record of another unit is answered exactly
 * like a record that does not exist (NOT_FOUND, same message), so ids of other units'
 * records do not leak. Use it in services, never in resolvers:
 *
 *   assertSameUnit(viewer, request.unitId, 'Transport request', request.id);   // read or change one
 *   em.find(TransportRequest, { ...unitFilter(viewer, 'unitId'), status });     // list
 *   const unitId = unitForNewRecord(viewer, input.unitId);                      // file a new one
 *   openEventStream(hub, { topics, filter: (e) => canSeeUnit(viewer, e.payload.unitId) });
 */

/** Roles that act for one member unit only; any other role sees every unit. */
const UNIT_SCOPED_ROLES: readonly Role[] = ['UNIT_LIAISON'];

export type UnitScope = { kind: 'ALL' } | { kind: 'UNIT'; unitId: string } | { kind: 'NONE' };

export function unitScopeOf(viewer: Viewer | null): UnitScope {
  if (!viewer) return { kind: 'NONE' };
  if (viewer.roles.some((r) => !UNIT_SCOPED_ROLES.includes(r))) return { kind: 'ALL' };
  // A liaison without a unit cannot exist (database check), but if one did, they would see nothing.
  return viewer.unitId ? { kind: 'UNIT', unitId: viewer.unitId } : { kind: 'NONE' };
}

/** Whether the viewer may see a record of `unitId` (null: an HQ record that belongs to no unit). */
export function canSeeUnit(viewer: Viewer | null, unitId: string | null | undefined): boolean {
  const scope = unitScopeOf(viewer);
  if (scope.kind === 'ALL') return true;
  return scope.kind === 'UNIT' && unitId === scope.unitId;
}

/** Throws NOT_FOUND, worded as for a missing record, when the record is another unit's. */
export function assertSameUnit(viewer: Viewer | null, unitId: string | null | undefined, what: string, id: string): void {
  if (!canSeeUnit(viewer, unitId)) throw notFound(what, id);
}

/**
 * A MikroORM where-clause part that keeps a list to the viewer's unit: `{}` for HQ roles,
 * `{ [key]: unitId }` for a liaison, and a clause matching nothing for anyone else.
 */
export function unitFilter<K extends string>(viewer: Viewer | null, key: K): { [P in K]?: string | { $in: string[] } } {
  const scope = unitScopeOf(viewer);
  if (scope.kind === 'ALL') return {};
  return { [key]: scope.kind === 'UNIT' ? scope.unitId : { $in: [] } } as { [P in K]?: string | { $in: string[] } };
}

/**
 * The unit a new record is filed for. A liaison files for their own unit (naming another is
 * answered NOT_FOUND, like any other unit's record); HQ staff name the unit, or none.
 */
export function unitForNewRecord(viewer: Viewer | null, requested: string | null | undefined): string | null {
  const scope = unitScopeOf(viewer);
  if (scope.kind === 'ALL') return requested ?? null;
  if (scope.kind === 'UNIT' && (requested == null || requested === scope.unitId)) return scope.unitId;
  throw notFound('Member unit', requested ?? '');
}
