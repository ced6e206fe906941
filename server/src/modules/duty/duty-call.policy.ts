import { WORKING_GROUP_OF_ROLE, type WorkingGroup } from '@cc/shared';
import type { Viewer } from '../../core/context';
import { unitScopeOf } from '../../core/auth/unit-scope';

/** Who a forward is addressed to. */
export interface ForwardTarget {
  targetGroup?: WorkingGroup | null;
  targetUnitId?: string | null;
}

/**
 * Record-level rules for the call log, on top of the policy table. HQ roles share the whole log
 * (信息互通). A unit liaison sees only the calls forwarded to their unit; any other answers
 * NOT_FOUND, so ids do not leak. A forward is acknowledged by its receiver: someone of the target
 * working group, the target unit's liaison, or a leader (who may act for anyone).
 */
export const dutyCallPolicy = {
  seesAllCalls(viewer: Viewer | null): boolean {
    return unitScopeOf(viewer).kind === 'ALL';
  },

  /** The unit a liaison receives forwards for; null for HQ staff. */
  liaisonUnit(viewer: Viewer | null): string | null {
    const scope = unitScopeOf(viewer);
    return scope.kind === 'UNIT' ? scope.unitId : null;
  },

  /** HQ roles: any call. A liaison: only a call forwarded to their unit (`forwardedUnitIds`). */
  canSeeCall(viewer: Viewer | null, forwardedUnitIds: readonly string[]): boolean {
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'ALL') return true;
    return scope.kind === 'UNIT' && forwardedUnitIds.includes(scope.unitId);
  },

  /** The working groups the viewer works in (by their roles). */
  groupsOf(viewer: Viewer | null): WorkingGroup[] {
    if (!viewer) return [];
    return [...new Set(viewer.roles.map((r) => WORKING_GROUP_OF_ROLE[r]).filter((g): g is WorkingGroup => g !== undefined))];
  },

  /** A leader receives on behalf of anyone; everyone else only what is addressed to their group or unit. */
  actsForEveryReceiver(viewer: Viewer | null): boolean {
    return viewer?.roles.includes('LEADER') ?? false;
  },

  canAcknowledge(viewer: Viewer | null, forward: ForwardTarget): boolean {
    if (!viewer) return false;
    if (this.actsForEveryReceiver(viewer)) return true;
    if (forward.targetGroup) return this.groupsOf(viewer).includes(forward.targetGroup);
    return !!forward.targetUnitId && viewer.roles.includes('UNIT_LIAISON') && viewer.unitId === forward.targetUnitId;
  },
};
