import { canAcknowledgeHqDelivery, type HqInstructionTarget } from '@cc/shared';
import type { Viewer } from '../../core/context';
import { unitScopeOf } from '../../core/auth/unit-scope';

/**
 * Record-level rules for HQ instructions. HQ roles see every instruction (one shared picture);
 * a unit liaison only those delivered to their own unit (another answers NOT_FOUND). Who may
 * sign for a delivery is the shared rule `canAcknowledgeHqDelivery` (the console uses it too).
 */
export const hqInstructionPolicy = {
  seesAll(viewer: Viewer | null): boolean {
    return unitScopeOf(viewer).kind === 'ALL';
  },

  /** The unit a liaison reads instructions for; null for HQ staff and for nobody. */
  unitOf(viewer: Viewer | null): string | null {
    const scope = unitScopeOf(viewer);
    return scope.kind === 'UNIT' ? scope.unitId : null;
  },

  canSee(viewer: Viewer | null, targetUnitIds: readonly string[]): boolean {
    if (this.seesAll(viewer)) return true;
    const unitId = this.unitOf(viewer);
    return unitId !== null && targetUnitIds.includes(unitId);
  },

  canAcknowledge(viewer: Viewer | null, delivery: HqInstructionTarget): boolean {
    return viewer !== null && canAcknowledgeHqDelivery(viewer, delivery);
  },
};
