import {
  DOCUMENT_MAX_ROUTINGS,
  DOCUMENT_TEXT_LIMITS,
  type DocumentDirection,
  type DocumentRoutingPurpose,
  type WorkingGroup,
} from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { domainError } from '../../core/errors';

/** The furthest ahead a sign-off may be due: a month; anything later is a typing mistake. */
export const MAX_DUE_DAYS = 31;
const DAY = 86_400_000;

const bad = (field: string, message: string, reason: string) => domainError('BAD_USER_INPUT', message, { field, reason });

export interface DocumentFields {
  direction: DocumentDirection;
  docNumber: string;
  title: string;
  issuer: string;
  summary?: string | null;
}

/** Checks and trims a document's register entry (登记). */
export function cleanDocument(input: DocumentFields): Required<DocumentFields> & { summary: string } {
  const limits = DOCUMENT_TEXT_LIMITS;
  const docNumber = input.docNumber.trim();
  if (!docNumber || docNumber.length > limits.docNumber)
    throw bad('docNumber', `Give the document number (文号), in at most ${limits.docNumber} characters.`, 'document/number');
  const title = input.title.trim();
  if (!title || title.length > limits.title) throw bad('title', `Give the title, in at most ${limits.title} characters.`, 'document/title');
  const issuer = input.issuer.trim();
  if (!issuer || issuer.length > limits.issuer)
    throw bad('issuer', `Say who issued it (发文单位), in at most ${limits.issuer} characters.`, 'document/issuer');
  const summary = (input.summary ?? '').trim();
  if (summary.length > limits.summary) throw bad('summary', `Keep the summary to ${limits.summary} characters.`, 'document/summary');
  return { direction: input.direction, docNumber, title, issuer, summary };
}

export interface RoutingTargetInput {
  group?: WorkingGroup | null;
  unitId?: string | null;
  userId?: string | null;
  purpose: DocumentRoutingPurpose;
  dueAt?: Date | null;
}

export type CleanTarget =
  | { kind: 'GROUP'; group: WorkingGroup; purpose: DocumentRoutingPurpose; dueAt: Date | null }
  | { kind: 'UNIT'; unitId: string; purpose: DocumentRoutingPurpose; dueAt: Date | null }
  | { kind: 'USER'; userId: string; purpose: DocumentRoutingPurpose; dueAt: Date | null };

export const targetKey = (t: { group?: string | null; unitId?: string | null; userId?: string | null }) =>
  t.group ? `g:${t.group}` : t.unitId ? `u:${t.unitId}` : `p:${t.userId ?? ''}`;

/**
 * Checks where a document goes: each target is exactly one of a group, a unit or a person, at
 * most once; a sign-off (签收) needs a due time in the future, a copy to read (阅知) has none.
 */
export function cleanTargets(targets: readonly RoutingTargetInput[], now: Date, { allowNone }: { allowNone: boolean }): CleanTarget[] {
  if ((!allowNone && targets.length === 0) || targets.length > DOCUMENT_MAX_ROUTINGS)
    throw bad('targets', `Route it to 1 to ${DOCUMENT_MAX_ROUTINGS} working groups, member units or people.`, 'document/targets');
  const seen = new Set<string>();
  return targets.map((t) => {
    const given = [t.group, t.unitId, t.userId].filter((v) => v != null).length;
    if (given !== 1) throw bad('targets', 'Each copy goes to exactly one working group, member unit or person.', 'document/target_shape');
    if ((t.unitId != null && !isUuid(t.unitId)) || (t.userId != null && !isUuid(t.userId)))
      throw bad('targets', 'A member unit or person was not recognised; choose it again from the list.', 'document/target_id');
    const key = targetKey(t);
    if (seen.has(key)) throw bad('targets', 'The same target is listed twice; route it once.', 'document/target_twice');
    seen.add(key);
    let dueAt: Date | null = null;
    if (t.purpose === 'SIGN') {
      if (!t.dueAt) throw bad('dueAt', 'A copy to sign for (签收) needs a due time.', 'document/due_missing');
      if (t.dueAt.getTime() <= now.getTime())
        throw bad('dueAt', 'The due time has already passed; give a time in the future.', 'document/due_past');
      if (t.dueAt.getTime() > now.getTime() + MAX_DUE_DAYS * DAY)
        throw bad('dueAt', `The due time is more than ${MAX_DUE_DAYS} days ahead; check the date.`, 'document/due_far');
      dueAt = t.dueAt;
    } else if (t.dueAt) {
      throw bad('dueAt', 'Only a copy to sign for (签收) has a due time; a copy to read (阅知) has none.', 'document/due_on_read');
    }
    if (t.group != null) return { kind: 'GROUP', group: t.group, purpose: t.purpose, dueAt };
    if (t.unitId != null) return { kind: 'UNIT', unitId: t.unitId, purpose: t.purpose, dueAt };
    return { kind: 'USER', userId: t.userId!, purpose: t.purpose, dueAt };
  });
}

/** Whether a copy still waits for its reader: unread, or (a sign-off) unsigned. */
export const isPending = (r: { purpose: DocumentRoutingPurpose; readAt?: Date | null; signedAt?: Date | null }) =>
  r.purpose === 'SIGN' ? !r.signedAt : !r.readAt;

/** Whether a sign-off is past its due time and still unsigned. */
export const isOverdue = (r: { purpose: DocumentRoutingPurpose; signedAt?: Date | null; dueAt?: Date | null }, now: Date) =>
  r.purpose === 'SIGN' && !r.signedAt && !!r.dueAt && r.dueAt.getTime() <= now.getTime();
