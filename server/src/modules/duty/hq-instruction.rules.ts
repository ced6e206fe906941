import {
  HQ_INSTRUCTION_TEXT_LIMITS,
  REPORTED_AT_CLOCK_SKEW_MINUTES,
  REPORTED_AT_MAX_AGE_DAYS,
  WORKING_GROUPS,
  reportedAtProblem,
  type WorkingGroup,
} from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { domainError } from '../../core/errors';

/** The four groups and a handful of units; more is a mistake, and the list's cost (core/graphql/cost.ts) counts on it. */
export const MAX_TARGETS = 20;

export interface CleanInstruction {
  source: string;
  content: string;
  receivedAt: Date;
  groups: WorkingGroup[];
  unitIds: string[];
}

const bad = (field: string, message: string, reason: string) => domainError('BAD_USER_INPUT', message, { field, reason });

/** Checks and trims a new instruction; the targets come back without repeats. */
export function cleanInstruction(
  input: { source: string; content: string; receivedAt?: Date | null; targets: { group?: WorkingGroup | null; unitId?: string | null }[] },
  now: Date,
): CleanInstruction {
  const source = input.source.trim();
  const limits = HQ_INSTRUCTION_TEXT_LIMITS;
  if (!source || source.length > limits.source)
    throw bad('source', `Say who gave the instruction (指挥部, 上级…), in at most ${limits.source} characters.`, 'hq_instruction/source');
  const content = input.content.trim();
  if (!content || content.length > limits.content)
    throw bad('content', `Write the instruction itself, in at most ${limits.content} characters.`, 'hq_instruction/content');
  const receivedAt = input.receivedAt ?? now;
  // The same plausibility as an incident's report time (ADR 0013): a week back, minutes of clock skew ahead.
  const problem = reportedAtProblem(receivedAt, now);
  if (problem === 'TOO_OLD')
    throw bad(
      'receivedAt',
      `The time received is more than ${REPORTED_AT_MAX_AGE_DAYS} days ago; check the date.`,
      'hq_instruction/received_too_old',
    );
  if (problem)
    throw bad(
      'receivedAt',
      `The time received is more than ${REPORTED_AT_CLOCK_SKEW_MINUTES} minutes in the future; check the date and time.`,
      'hq_instruction/received_in_future',
    );
  if (input.targets.length === 0 || input.targets.length > MAX_TARGETS)
    throw bad('targets', `Distribute it to 1 to ${MAX_TARGETS} working groups or member units.`, 'hq_instruction/targets');
  const groups = new Set<WorkingGroup>();
  const unitIds = new Set<string>();
  for (const target of input.targets) {
    const hasGroup = target.group != null;
    const hasUnit = target.unitId != null;
    if (hasGroup === hasUnit)
      throw bad(
        'targets',
        'Each target is either a working group or a member unit, not both and not neither.',
        'hq_instruction/target_shape',
      );
    if (hasGroup && !WORKING_GROUPS.includes(target.group!)) throw bad('targets', 'Unknown working group.', 'hq_instruction/target_group');
    if (hasUnit && !isUuid(target.unitId!)) throw bad('targets', 'A member unit id is malformed.', 'hq_instruction/target_unit');
    if (hasGroup) groups.add(target.group!);
    else unitIds.add(target.unitId!);
  }
  return { source, content, receivedAt, groups: [...groups], unitIds: [...unitIds] };
}
