import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; secrets never reach them (see the redact paths). */
export function createLogger(level: string, name = 'server'): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['password', '*.password', 'req.headers.cookie', 'variables.password', '*.newPassword'], censor: '[redacted]' },
  });
}
