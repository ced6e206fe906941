import { WORKING_GROUP_OF_ROLE } from './alerts';
import type { Role, WorkingGroup } from './roles';

/** How pressing an HQ instruction (指挥部指示) is: 一般, 紧急, 特急. */
export const HQ_INSTRUCTION_PRIORITIES = ['ROUTINE', 'URGENT', 'CRITICAL'] as const;
export type HqInstructionPriority = (typeof HQ_INSTRUCTION_PRIORITIES)[number];

/** The longest text each instruction field takes; the console counts against the same limits. */
export const HQ_INSTRUCTION_TEXT_LIMITS = { source: 100, content: 4_000, note: 500 } as const;

/** Minutes a delivery may stay unacknowledged before the alert rule raises it, unless an administrator sets otherwise. */
export const HQ_INSTRUCTION_ACK_MINUTES = 30;

/** Where one copy of an instruction went: a working group or a member unit (exactly one of the two). */
export interface HqInstructionTarget {
  targetGroup?: WorkingGroup | null;
  targetUnitId?: string | null;
}

/**
 * Who may sign for (签收) one delivery: someone of the target group (their role's group,
 * WORKING_GROUP_OF_ROLE), the target unit's own liaison, or a leader (who may sign for anyone).
 * Both ends use it: the server refuses the others, the console shows the button only to them.
 */
export function canAcknowledgeHqDelivery(
  viewer: { roles: readonly Role[]; unitId: string | null },
  delivery: HqInstructionTarget,
): boolean {
  if (viewer.roles.includes('LEADER')) return true;
  if (delivery.targetGroup != null) return viewer.roles.some((r) => WORKING_GROUP_OF_ROLE[r] === delivery.targetGroup);
  return delivery.targetUnitId != null && viewer.roles.includes('UNIT_LIAISON') && viewer.unitId === delivery.targetUnitId;
}
