import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';

interface HttpError {
  status?: number;
  type?: string;
  limit?: number;
}

/**
 * The last Express handler: failures before GraphQL runs (a body too large, JSON that does not
 * parse) answered as GraphQL-shaped JSON with a code and a message a person can act on, never
 * Express's HTML page with its stack trace.
 */
export function requestErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const e = (error ?? {}) as HttpError;
    const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
    let message: string;
    let reason: string;
    if (e.type === 'entity.too.large') {
      message = `The request is too large${e.limit ? ` (over ${Math.round(e.limit / 1024)} KB)` : ''}. Send less at once.`;
      reason = 'request/too_large';
    } else if (e.type === 'entity.parse.failed') {
      message = 'The request body is not valid JSON.';
      reason = 'request/invalid_json';
    } else if (status < 500) {
      message = 'The request could not be read.';
      reason = 'request/unreadable';
    } else {
      logger.error({ err: error }, 'request failed before GraphQL');
      message = 'Something went wrong on the server. Nothing was changed; the error has been logged.';
      reason = 'request/internal';
    }
    res
      .status(status)
      .json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', reason } }] });
  };
}
