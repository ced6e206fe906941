/**
 * The most of the event loop that event-triggered evaluations of one rule may take: a rule whose
 * evaluation took 200 ms (thousands of open incidents to re-derive) waits 2 s before the next.
 */
export const EVALUATION_SHARE = 0.1;

/**
 * How long to wait before an event-triggered evaluation of a rule: at least `debounceMs` (so
 * the changes of one burst wake the rule once), and no sooner than `minIntervalMs` after the
 * previous evaluation started (so a sustained stream of changes costs a few evaluations a
 * second, not one per change), nor sooner than the previous evaluation's duration allows under
 * `EVALUATION_SHARE` (so a rule that is expensive to evaluate cannot crowd out the mutations and
 * deliveries that a stream of changes brings; the clock's tick still evaluates every rule).
 */
export function evaluationDelay(
  lastStartedAt: number | undefined,
  now: number,
  debounceMs: number,
  minIntervalMs: number,
  lastDurationMs = 0,
): number {
  const sinceLast = lastStartedAt === undefined ? Infinity : now - lastStartedAt;
  const interval = Math.max(minIntervalMs, lastDurationMs / EVALUATION_SHARE);
  return Math.max(debounceMs, interval - sinceLast);
}
