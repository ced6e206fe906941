import { WORKING_GROUP_OF_ROLE } from './alerts';
import type { Role, WorkingGroup } from './roles';

/**
 * The HQ's emergency response level (应急响应级别): 一级 is the highest. ENDED is 响应结束, the
 * last step of the supply call-up (plan 5: 本级调用、请求支援、紧急支援、响应结束); permits and the
 * call-up read the response's end through the coordination module's service.
 */
export const RESPONSE_LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4', 'ENDED'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];

/** The longest note a leader gives with a change of level. */
export const RESPONSE_LEVEL_NOTE_LIMIT = 500;

/** How pressing a directive is: 一般, 紧急, 特急 (the words of HQ instructions). */
export const DIRECTIVE_PRIORITIES = ['ROUTINE', 'URGENT', 'CRITICAL'] as const;
export type DirectivePriority = (typeof DIRECTIVE_PRIORITIES)[number];

/**
 * Where a directive came from (ADR 0019): HQ directly, an HQ instruction the duty desk logged
 * (指挥部指示), a call to the duty phone (e.g. 信访), or a meeting's decision. The link is kept.
 */
export const DIRECTIVE_ORIGINS = ['HQ', 'HQ_INSTRUCTION', 'DUTY_CALL', 'MEETING'] as const;
export type DirectiveOrigin = (typeof DIRECTIVE_ORIGINS)[number];

/** One assignee's way through a directive: 待接收 → 办理中 → 已办结. */
export const DIRECTIVE_ASSIGNEE_STATUSES = ['ASSIGNED', 'ACCEPTED', 'DONE'] as const;
export type DirectiveAssigneeStatus = (typeof DIRECTIVE_ASSIGNEE_STATUSES)[number];

/** What an assignee's progress note records. */
export const DIRECTIVE_PROGRESS_KINDS = ['ACCEPTED', 'PROGRESS', 'FINISHED'] as const;
export type DirectiveProgressKind = (typeof DIRECTIVE_PROGRESS_KINDS)[number];

export const DIRECTIVE_TEXT_LIMITS = { title: 200, source: 100, content: 4_000, owner: 100, note: 1_000 } as const;

/** Minutes past its deadline before an open directive raises `directive-overdue`, unless an administrator sets otherwise. */
export const DIRECTIVE_OVERDUE_GRACE_MINUTES = 0;

/** An assignee of a directive: a working group or a member unit (exactly one of the two). */
export interface DirectiveAssigneeTarget {
  targetGroup?: WorkingGroup | null;
  targetUnitId?: string | null;
}

/**
 * Who may act on (accept, report progress on, finish) one assignment: someone of the assigned
 * working group, the assigned unit's own liaison, or a leader. The server refuses the others;
 * the console shows the buttons only to them.
 */
export function canActOnDirectiveAssignee(
  viewer: { roles: readonly Role[]; unitId: string | null },
  assignee: DirectiveAssigneeTarget,
): boolean {
  if (viewer.roles.includes('LEADER')) return true;
  if (assignee.targetGroup != null) return viewer.roles.some((r) => WORKING_GROUP_OF_ROLE[r] === assignee.targetGroup);
  return assignee.targetUnitId != null && viewer.roles.includes('UNIT_LIAISON') && viewer.unitId === assignee.targetUnitId;
}

/** 会议组织承办: the daily dispatch meeting (每日调度会) or a coordination meeting on a major issue (重大事项协调会议). */
export const MEETING_KINDS = ['DAILY_DISPATCH', 'COORDINATION'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** A unit's request waits to be scheduled; a scheduled meeting is held once its minutes are recorded. */
export const MEETING_STATUSES = ['REQUESTED', 'SCHEDULED', 'HELD'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_TEXT_LIMITS = {
  title: 200,
  agenda: 4_000,
  attendees: 1_000,
  location: 200,
  minutes: 20_000,
  decision: 2_000,
} as const;
/** Decisions recorded at once; more is a mistake. */
export const MAX_MEETING_DECISIONS = 20;
