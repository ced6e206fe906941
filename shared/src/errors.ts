/**
 * Every expected failure the API can answer with, as `extensions.code`.
 * The client branches on these; the server creates them only through `domainError`.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'RESUME_TOO_OLD',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_KEY_REUSED',
  /** Two valid permits of one vehicle would overlap (plate, route, time): confirm with a reason, or choose another. */
  'PERMIT_OVERLAP',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
