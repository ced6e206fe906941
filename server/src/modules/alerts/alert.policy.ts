import { ALERT_OVERSEER_ROLES, canSeeAlertOf, WORKING_GROUP_OF_ROLE, type WorkingGroup } from '@cc/shared';
import type { Viewer } from '../../core/context';

/**
 * Record-level rules for alerts (the role table is shared/src/policy.ts):
 * - LEADER and ADMIN see every alert: the leader on duty is accountable for all of them.
 * - Other HQ roles see the alerts of their own working group (duty officer → DUTY,
 *   dispatcher → TRANSPORT, logistics officer → LOGISTICS, coordinator → COORDINATION) and
 *   HQ-wide ones (no group); they may acknowledge what they see.
 * - Unit liaisons see none: alerts are about HQ's own work.
 * An alert one may not see is answered as "not found", so its existence does not leak.
 */
export const alertPolicy = {
  canSee(viewer: Viewer | null, group: WorkingGroup | null): boolean {
    return viewer !== null && canSeeAlertOf(viewer.roles, group);
  },

  /** The groups whose alerts a viewer sees; `all` for leaders and administrators. */
  scope(viewer: Viewer): { all: true } | { all: false; groups: WorkingGroup[] } {
    if (viewer.roles.some((r) => ALERT_OVERSEER_ROLES.includes(r))) return { all: true };
    const groups = viewer.roles.map((r) => WORKING_GROUP_OF_ROLE[r]).filter((g): g is WorkingGroup => g !== undefined);
    return { all: false, groups };
  },
};
