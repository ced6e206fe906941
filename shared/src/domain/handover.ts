/** The two signatures a shift handover (交接班) needs: the outgoing (交班人) and the incoming officer (接班人). */
export const HANDOVER_SIGNER_ROLES = ['OUTGOING', 'INCOMING'] as const;
export type HandoverSignerRole = (typeof HANDOVER_SIGNER_ROLES)[number];

/** How much an open item of a handover needs the next shift's attention. */
export const HANDOVER_ITEM_SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;
export type HandoverItemSeverity = (typeof HANDOVER_ITEM_SEVERITIES)[number];

/**
 * The kinds of open item the modules contribute today, in the order a handover lists them. A
 * module may contribute a kind not listed here (the calls' open calls and forwards, say); the
 * console then shows it under its raw name until its words are added.
 */
export const HANDOVER_ITEM_KINDS = [
  'DUTY_CALL_OPEN',
  'DUTY_FORWARD_UNACKNOWLEDGED',
  'HQ_INSTRUCTION_UNACKNOWLEDGED',
  'DIRECTIVE_OVERDUE',
  'INCIDENT_PAST_DEADLINE',
  'INCIDENT_NEAR_DEADLINE',
  'STANDING_ALERT',
  'DISPATCH_ORDER_UNDER_WAY',
  'VEHICLE_OUT',
] as const;
export type KnownHandoverItemKind = (typeof HANDOVER_ITEM_KINDS)[number];

/** The longest handover note; the console counts against the same limit. */
export const HANDOVER_NOTE_LIMIT = 4_000;
/** A shift's end at most this far from now: a handover is written at the end of a shift, not days apart from it. */
export const HANDOVER_END_MAX_AGE_DAYS = 7;
export const HANDOVER_END_MAX_AHEAD_HOURS = 24;

/** The default shift when the officer gives none: the last 8 hours, ending now. */
export const DEFAULT_SHIFT_HOURS = 8;
/** A handover covers at most one roster shift (MAX_SHIFT_HOURS, roster.ts): a longer window is a typo. */

/** An incident whose reporting deadline falls within this many hours is "near its deadline" on the handover. */
export const HANDOVER_NEAR_DEADLINE_HOURS = 2;

/** One open item's identity across handovers: the same record of the same kind (and code: two alerts on one incident are two items). */
export function handoverItemKey(item: {
  kind: string;
  code?: string | null;
  target: { entityType: string; entityId: string } | null;
  label: string;
}): string {
  const kind = item.code ? `${item.kind}|${item.code}` : item.kind;
  return item.target ? `${kind}|${item.target.entityType}|${item.target.entityId}` : `${kind}|${item.label}`;
}
