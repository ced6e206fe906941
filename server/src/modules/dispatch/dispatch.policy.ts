import type { Viewer } from '../../core/context';
import { canSeeUnit, unitScopeOf } from '../../core/auth/unit-scope';

/**
 * Record-level rules for dispatch, on top of the shared unit scope (core/auth/unit-scope.ts).
 * HQ roles share one picture of the fleet and every order (信息互通). A unit liaison sees
 * only the orders their own unit requested; any other answers NOT_FOUND, so ids do not leak.
 */
export const dispatchPolicy = {
  /** Every HQ role sees every order, HQ's own included. */
  seesAllOrders(viewer: Viewer | null): boolean {
    return unitScopeOf(viewer).kind === 'ALL';
  },

  /** HQ roles: any order. A liaison: their unit's requests only, never HQ's own orders. */
  canSeeOrder(viewer: Viewer | null, order: { requestingUnitId?: string | null }): boolean {
    return canSeeUnit(viewer, order.requestingUnitId);
  },

  /** The unit a liaison requests transport for; null for HQ staff (they raise orders instead). */
  liaisonUnit(viewer: Viewer | null): string | null {
    const scope = unitScopeOf(viewer);
    return scope.kind === 'UNIT' ? scope.unitId : null;
  },
};
