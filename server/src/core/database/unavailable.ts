/**
 * Whether an error means "the database cannot be reached right now" (retryable), as opposed to
 * a bad request or a bug: SQLSTATE class 08 (connection), 57P0x (shutdown), 53 (resources),
 * socket errors, and the pool's connect timeout.
 */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (
    typeof e.code === 'string' &&
    (/^08/.test(e.code) ||
      /^57P0/.test(e.code) ||
      /^53/.test(e.code) ||
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(e.code))
  ) {
    return true;
  }
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    e.message ?? '',
  );
}
