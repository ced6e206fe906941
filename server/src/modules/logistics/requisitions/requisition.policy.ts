import type { Viewer } from '../../../core/context';
import { canSeeUnit, unitScopeOf } from '../../../core/auth/unit-scope';

/**
 * Record-level rules for requisitions, on top of the shared unit scope: HQ roles see every
 * unit's requisitions; a unit liaison files and sees only their own unit's (another unit's is
 * answered NOT_FOUND, so ids do not leak).
 */
export const requisitionPolicy = {
  canSee(viewer: Viewer | null, unitId: string): boolean {
    return canSeeUnit(viewer, unitId);
  },
  /** The unit a liaison files for; null for everyone else. */
  liaisonUnit(viewer: Viewer | null): string | null {
    const scope = unitScopeOf(viewer);
    return scope.kind === 'UNIT' ? scope.unitId : null;
  },
};
