import { canActOnDirectiveAssignee, type DirectiveAssigneeTarget } from '@cc/shared';
import type { Viewer } from '../../core/context';
import { unitScopeOf } from '../../core/auth/unit-scope';

/**
 * Record-level rules for directives. HQ roles see every directive (one shared picture); a unit
 * liaison only those assigned to their own unit (another answers NOT_FOUND), and of those only
 * their own unit's assignment. Who may act on an assignment is the shared rule
 * `canActOnDirectiveAssignee` (the console uses it too).
 */
export const directivePolicy = {
  seesAll(viewer: Viewer | null): boolean {
    return unitScopeOf(viewer).kind === 'ALL';
  },

  /** The unit a liaison reads directives for; null for HQ staff and for nobody. */
  unitOf(viewer: Viewer | null): string | null {
    const scope = unitScopeOf(viewer);
    return scope.kind === 'UNIT' ? scope.unitId : null;
  },

  canSee(viewer: Viewer | null, targetUnitIds: readonly string[]): boolean {
    if (this.seesAll(viewer)) return true;
    const unitId = this.unitOf(viewer);
    return unitId !== null && targetUnitIds.includes(unitId);
  },

  canAct(viewer: Viewer | null, assignee: DirectiveAssigneeTarget): boolean {
    return viewer !== null && canActOnDirectiveAssignee(viewer, assignee);
  },
};
