import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** What every log line written while handling one request carries (set per HTTP request in app.ts). */
export const logContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Structured JSON logs; secrets never reach them (see the redact paths). A line written while
 * an HTTP request is handled carries its `requestId` (the X-Request-Id answer header and the
 * audit trail's request_id), whichever logger wrote it.
 */
export function createLogger(level: string, name = 'server', destination?: DestinationStream): Logger {
  return pino(
    {
      name,
      level,
      redact: {
        paths: [
          'password',
          '*.password',
          'req.headers.cookie',
          'variables.password',
          '*.newPassword',
          '*.driverIdNumber',
          'variables.input.driverIdNumber',
        ],
        censor: '[redacted]',
      },
      mixin: () => logContext.getStore() ?? {},
    },
    destination,
  );
}
