import { DEFAULT_SHIFT_HOURS, HANDOVER_END_MAX_AGE_DAYS, HANDOVER_END_MAX_AHEAD_HOURS, MAX_SHIFT_HOURS, handoverItemKey } from '@cc/shared';
import { domainError } from '../../core/errors';
import type { HandoverItem } from '../../core/handover-items';
import type { StoredHandoverItem } from './handover.entity';

const HOUR = 3_600_000;
const SEVERITY_ORDER = { CRITICAL: 0, WARNING: 1, INFO: 2 } as const;

/** The shift a handover covers: the officer's (or the roster's running shift, given by the caller), else the last 8 hours ending now. */
export function shiftWindow(input: { shiftStartedAt?: Date | null; shiftEndsAt?: Date | null }, now: Date): { start: Date; end: Date } {
  const end = input.shiftEndsAt ?? now;
  if (
    !Number.isFinite(end.getTime()) ||
    end.getTime() < now.getTime() - HANDOVER_END_MAX_AGE_DAYS * 24 * HOUR ||
    end.getTime() > now.getTime() + HANDOVER_END_MAX_AHEAD_HOURS * HOUR
  )
    throw domainError(
      'BAD_USER_INPUT',
      `A shift handed over ends within ${HANDOVER_END_MAX_AGE_DAYS} days before and ${HANDOVER_END_MAX_AHEAD_HOURS} hours after now; check the date.`,
      { field: 'shiftEndsAt', reason: 'handover/window' },
    );
  const start = input.shiftStartedAt ?? new Date(end.getTime() - DEFAULT_SHIFT_HOURS * HOUR);
  if (start.getTime() >= end.getTime())
    throw domainError('BAD_USER_INPUT', 'The shift must start before it ends.', { field: 'shiftStartedAt', reason: 'handover/window' });
  if (end.getTime() - start.getTime() > MAX_SHIFT_HOURS * HOUR)
    throw domainError('BAD_USER_INPUT', `A shift covers at most ${MAX_SHIFT_HOURS} hours; check the start and end.`, {
      field: 'shiftStartedAt',
      reason: 'handover/window',
    });
  return { start, end };
}

/**
 * The items a new handover keeps: what the modules report open now, each marked carried over
 * when the previous handover already had it (遗留事项: it was handed over once and is still open).
 * Items the previous handover had that are no longer open were closed during the shift and drop
 * out. Most severe first, then by kind, then by when they became pressing.
 */
export function handoverItems(
  live: readonly (HandoverItem & { module: string })[],
  previous: readonly StoredHandoverItem[],
): StoredHandoverItem[] {
  const before = new Set(previous.map(handoverItemKey));
  const seen = new Set<string>();
  const items: StoredHandoverItem[] = [];
  for (const item of live) {
    const key = handoverItemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      kind: item.kind,
      label: item.label,
      target: item.target,
      severity: item.severity,
      code: item.code ?? null,
      dueAt: item.dueAt ? item.dueAt.toISOString() : null,
      module: item.module,
      carriedOver: before.has(key),
    });
  }
  return items.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.kind.localeCompare(b.kind) ||
      (a.dueAt ?? '').localeCompare(b.dueAt ?? ''),
  );
}
