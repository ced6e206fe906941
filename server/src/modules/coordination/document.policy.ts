import { canActOnDocumentRouting, type DocumentRoutingTarget } from '@cc/shared';
import type { Viewer } from '../../core/context';
import { unitScopeOf } from '../../core/auth/unit-scope';

/**
 * Record-level rules for documents (文件运转). HQ roles see every document; a unit liaison only
 * those routed to their unit or to them by name (another answers NOT_FOUND). Who may read and
 * sign a copy is the shared rule `canActOnDocumentRouting` (the console uses it too).
 */
export const documentPolicy = {
  seesAll(viewer: Viewer | null): boolean {
    return unitScopeOf(viewer).kind === 'ALL';
  },

  /** Whether a liaison (or anyone) is among these targets: their unit, or them by name. */
  isTargeted(viewer: Viewer | null, targets: { unitIds: readonly string[]; userIds: readonly string[] }): boolean {
    if (!viewer) return false;
    const scope = unitScopeOf(viewer);
    return targets.userIds.includes(viewer.userId) || (scope.kind === 'UNIT' && targets.unitIds.includes(scope.unitId));
  },

  canSee(viewer: Viewer | null, targets: { unitIds: readonly string[]; userIds: readonly string[] }): boolean {
    return this.seesAll(viewer) || this.isTargeted(viewer, targets);
  },

  /** Whether this copy is one the viewer may see when they do not see everything. */
  isOwnCopy(viewer: Viewer | null, routing: DocumentRoutingTarget): boolean {
    return this.isTargeted(viewer, {
      unitIds: routing.targetUnitId ? [routing.targetUnitId] : [],
      userIds: routing.targetUserId ? [routing.targetUserId] : [],
    });
  },

  canAct(viewer: Viewer | null, routing: DocumentRoutingTarget): boolean {
    return viewer !== null && canActOnDocumentRouting(viewer, routing);
  },
};
