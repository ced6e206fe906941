import {
  DIRECTIVE_TEXT_LIMITS,
  WORKING_GROUPS,
  type DirectiveAssigneeStatus,
  type DirectiveProgressKind,
  type ResponseLevel,
  type WorkingGroup,
} from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { domainError } from '../../core/errors';

/** The four groups and a handful of units; more is a mistake, and the list's cost counts on it. */
export const MAX_ASSIGNEES = 20;
/** A deadline further out than this is a typo (a year instead of a day). */
export const MAX_DEADLINE_DAYS = 366;

const DAY = 86_400_000;

const bad = (field: string, message: string, reason: string) => domainError('BAD_USER_INPUT', message, { field, reason });

export interface CleanDirective {
  title: string;
  content: string;
  source: string;
  ownerName: string;
  deadline: Date;
  groups: WorkingGroup[];
  unitIds: string[];
}

/** Checks and trims a new directive; the assignees come back without repeats. */
export function cleanDirective(
  input: {
    title: string;
    content?: string | null;
    source: string;
    ownerName: string;
    deadline: Date;
    assignees: { group?: WorkingGroup | null; unitId?: string | null }[];
  },
  now: Date,
): CleanDirective {
  const limits = DIRECTIVE_TEXT_LIMITS;
  const title = input.title.trim();
  if (!title || title.length > limits.title)
    throw bad('title', `Give the directive a title of at most ${limits.title} characters.`, 'directive/title');
  const content = (input.content ?? '').trim();
  if (content.length > limits.content) throw bad('content', `Keep the details to ${limits.content} characters.`, 'directive/content');
  const source = input.source.trim();
  if (!source || source.length > limits.source)
    throw bad('source', `Say who gave the directive (指挥部, 上级…), in at most ${limits.source} characters.`, 'directive/source');
  const ownerName = input.ownerName.trim();
  if (!ownerName || ownerName.length > limits.owner)
    throw bad('ownerName', `Name the person accountable (责任人), in at most ${limits.owner} characters.`, 'directive/owner');
  if (Number.isNaN(input.deadline.getTime()) || input.deadline.getTime() <= now.getTime())
    throw bad('deadline', 'The deadline must be later than now.', 'directive/deadline_past');
  if (input.deadline.getTime() > now.getTime() + MAX_DEADLINE_DAYS * DAY)
    throw bad('deadline', `The deadline is more than ${MAX_DEADLINE_DAYS} days away; check the date.`, 'directive/deadline_far');
  if (input.assignees.length === 0 || input.assignees.length > MAX_ASSIGNEES)
    throw bad('assignees', `Assign it to 1 to ${MAX_ASSIGNEES} working groups or member units.`, 'directive/assignees');
  const groups = new Set<WorkingGroup>();
  const unitIds = new Set<string>();
  for (const a of input.assignees) {
    const hasGroup = a.group != null;
    const hasUnit = a.unitId != null;
    if (hasGroup === hasUnit)
      throw bad(
        'assignees',
        'Each assignee is either a working group or a member unit, not both and not neither.',
        'directive/assignee_shape',
      );
    if (hasGroup && !WORKING_GROUPS.includes(a.group!)) throw bad('assignees', 'Unknown working group.', 'directive/assignee_group');
    if (hasUnit && !isUuid(a.unitId!)) throw bad('assignees', 'A member unit id is malformed.', 'directive/assignee_unit');
    if (hasGroup) groups.add(a.group!);
    else unitIds.add(a.unitId!);
  }
  return { title, content, source, ownerName, deadline: input.deadline, groups: [...groups], unitIds: [...unitIds] };
}

/** Checks a progress note: a plain report must say something; accepting and finishing may be silent. */
export function cleanProgressNote(kind: DirectiveProgressKind, note: string | null | undefined): string {
  const clean = (note ?? '').trim();
  if (clean.length > DIRECTIVE_TEXT_LIMITS.note)
    throw bad('note', `Keep the note to ${DIRECTIVE_TEXT_LIMITS.note} characters.`, 'directive/note_length');
  if (kind === 'PROGRESS' && !clean) throw bad('note', 'Say what has been done so far.', 'directive/note_empty');
  return clean;
}

/** The assignee status each step needs, and the one it leads to. */
const STEPS: Readonly<Record<DirectiveProgressKind, { from: readonly DirectiveAssigneeStatus[]; to: DirectiveAssigneeStatus }>> = {
  ACCEPTED: { from: ['ASSIGNED'], to: 'ACCEPTED' },
  PROGRESS: { from: ['ACCEPTED'], to: 'ACCEPTED' },
  FINISHED: { from: ['ACCEPTED'], to: 'DONE' },
};

/** The assignee's status after `step`, or null when the step is not allowed from `status`. */
export function nextAssigneeStatus(status: DirectiveAssigneeStatus, step: DirectiveProgressKind): DirectiveAssigneeStatus | null {
  const rule = STEPS[step];
  return rule.from.includes(status) ? rule.to : null;
}

/** A directive is done only when every one of its assignees is. */
export function isDirectiveComplete(assignees: readonly { status: DirectiveAssigneeStatus }[]): boolean {
  return assignees.length > 0 && assignees.every((a) => a.status === 'DONE');
}

/** Open and past its deadline (plus the grace an administrator may allow). */
export function isDirectiveOverdue(directive: { deadline: Date; completedAt?: Date | null }, now: Date, graceMinutes = 0): boolean {
  return directive.completedAt == null && directive.deadline.getTime() + graceMinutes * 60_000 <= now.getTime();
}

/**
 * Whether a leader may move the response level from `current` (null: never set) to `next`:
 * it must change, and only a running response can end.
 */
export function responseLevelChangeProblem(current: ResponseLevel | null, next: ResponseLevel): 'UNCHANGED' | 'NOTHING_TO_END' | null {
  if (current === next) return 'UNCHANGED';
  if (next === 'ENDED' && current === null) return 'NOTHING_TO_END';
  return null;
}
