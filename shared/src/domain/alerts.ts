import type { Role, WorkingGroup } from './roles';

/** How loud an alert is: a critical one sounds in the leader's console and escalates when ignored. */
export const ALERT_LEVELS = ['INFO', 'WARNING', 'CRITICAL'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** raised → acknowledged (someone is on it) → resolved (the condition cleared, or a person closed it). */
export const ALERT_STATUSES = ['RAISED', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** A standing alert: not yet resolved. At most one per rule and condition (the fold target). */
export const STANDING_ALERT_STATUSES = ['RAISED', 'ACKNOWLEDGED'] as const satisfies readonly AlertStatus[];

export const ALERT_TRANSITIONS: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  RAISED: ['ACKNOWLEDGED', 'RESOLVED'],
  ACKNOWLEDGED: ['RESOLVED'],
  RESOLVED: [],
};

export function canMoveAlert(from: AlertStatus, to: AlertStatus): boolean {
  return ALERT_TRANSITIONS[from].includes(to);
}

/** Why an alert was resolved. */
export const ALERT_RESOLUTIONS = ['CONDITION_CLEARED', 'MANUAL', 'RULE_DISABLED'] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

/**
 * Every alert rule the server's modules declare (a server test keeps the two equal), so the
 * console's check can demand each rule's words in both languages and its link.
 */
export const ALERT_RULE_IDS = [
  'incident-class-a-logged',
  'incident-past-deadline',
  'incident-unacknowledged',
  'company-below-standby-quota',
  'fleet-ready-below-floor',
  'duty-forward-unacknowledged',
  'roster-hour-uncovered',
  'shift-not-checked-in',
  'hq-instruction-unacknowledged',
  'directive-overdue',
  'daily-report-missing',
  'document-signoff-overdue',
  'permit-request-waiting',
  'permit-outlived-by-job',
  'supply-below-minimum',
  'supply-low-cover',
  'allocation-plan-not-approved',
  'allocation-plan-not-delivered',
  'daily-supply-summary-late',
] as const;
export type KnownAlertRuleId = (typeof ALERT_RULE_IDS)[number];

/** The working group each HQ role works in; a role sees the alerts of its own group. */
export const WORKING_GROUP_OF_ROLE: Readonly<Partial<Record<Role, WorkingGroup>>> = {
  DUTY_OFFICER: 'DUTY',
  DISPATCHER: 'TRANSPORT',
  LOGISTICS_OFFICER: 'LOGISTICS',
  COORDINATOR: 'COORDINATION',
};

/** Roles that see every alert: the leader on duty is accountable for all of them, the administrator tunes the rules. */
export const ALERT_OVERSEER_ROLES: readonly Role[] = ['LEADER', 'ADMIN'];

/**
 * Whether someone holding `roles` sees an alert addressed to `group` (null: HQ-wide, every HQ role).
 * Unit liaisons see no alerts: they are about HQ's own work.
 */
export function canSeeAlertOf(roles: readonly Role[], group: WorkingGroup | null): boolean {
  if (roles.some((r) => ALERT_OVERSEER_ROLES.includes(r))) return true;
  const groups = roles.map((r) => WORKING_GROUP_OF_ROLE[r]).filter((g): g is WorkingGroup => g !== undefined);
  if (groups.length === 0) return false;
  return group === null || groups.includes(group);
}

/** How long a critical alert may stay unacknowledged before it moves to the next leader, unless the rule says otherwise. */
export const DEFAULT_ESCALATION_MINUTES = 10;
