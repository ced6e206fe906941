/**
 * How long to wait before an event-triggered evaluation of a rule: at least `debounceMs` (so
 * the changes of one burst wake the rule once), and no sooner than `minIntervalMs` after the
 * previous evaluation started (so a sustained stream of changes costs a few evaluations a
 * second, not one per change).
 */
export function evaluationDelay(lastStartedAt: number | undefined, now: number, debounceMs: number, minIntervalMs: number): number {
  const sinceLast = lastStartedAt === undefined ? Infinity : now - lastStartedAt;
  return Math.max(debounceMs, minIntervalMs - sinceLast);
}
