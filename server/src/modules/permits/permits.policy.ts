import type { Viewer } from '../../core/context';
import { canSeeUnit, unitScopeOf } from '../../core/auth/unit-scope';

/**
 * Record-level rules on top of the policy table. HQ roles see every request and permit; a unit
 * liaison only their own unit's (another unit's is answered NOT_FOUND, so ids do not leak).
 */
export const permitsPolicy = {
  seesAll(viewer: Viewer | null): boolean {
    return unitScopeOf(viewer).kind === 'ALL';
  },

  /** The unit a liaison is limited to; null for HQ staff, and a unit matching nothing for anyone else. */
  unitOf(viewer: Viewer | null): string | null {
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'ALL') return null;
    return scope.kind === 'UNIT' ? scope.unitId : '00000000-0000-0000-0000-000000000000';
  },

  canSee(viewer: Viewer | null, unitId: string): boolean {
    return canSeeUnit(viewer, unitId);
  },
};
