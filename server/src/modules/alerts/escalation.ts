import type { AlertLevel, AlertStatus } from '@cc/shared';

const MINUTE = 60_000;

/**
 * A critical alert nobody has acknowledged moves on to the next leader after `minutes`,
 * counted from when it was raised or last moved. Acknowledging (or resolving) stops it.
 */
export function escalationDue(
  alert: { level: AlertLevel; status: AlertStatus; raisedAt: Date; escalatedAt: Date | null },
  minutes: number | null,
  now: Date,
): boolean {
  if (alert.level !== 'CRITICAL' || alert.status !== 'RAISED' || minutes === null) return false;
  const since = alert.escalatedAt ?? alert.raisedAt;
  return now.getTime() - since.getTime() >= minutes * MINUTE;
}

/**
 * The leader after `current` in the escalation order, wrapping round: with one leader it is
 * the same person again (reminded once more). Null when there are no leaders at all.
 */
export function nextLeader(order: readonly string[], current: string | null): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  return order[(at + 1) % order.length] ?? null;
}
