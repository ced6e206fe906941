import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DriverException, OptimisticLockError, ValidationError as OrmValidationError } from '@mikro-orm/core';
import { isErrorCode } from '@cc/shared';
import { isUnavailable } from '../database/unavailable';
import type { Logger } from '../logger';

/** Codes graphql-js and Apollo give for malformed requests; passed through as they are. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function classify(original: unknown): { code: string; message: string; extensions?: Record<string, unknown> } | undefined {
  if (original instanceof OptimisticLockError) {
    return {
      code: 'CONFLICT',
      message: 'Someone changed this record at the same moment. Reload it and try again.',
      extensions: { reason: 'record/stale' },
    };
  }
  const driver = original as DriverException & { code?: string; constraint?: string; detail?: string };
  if (original instanceof DriverException || typeof driver?.code === 'string') {
    switch (driver.code) {
      case '23505':
        return {
          code: 'CONFLICT',
          message: 'That conflicts with an existing record.',
          extensions: { reason: `constraint/${driver.constraint ?? 'unique'}` },
        };
      case '23503':
        return {
          code: 'NOT_FOUND',
          message: 'A record this refers to does not exist.',
          extensions: { reason: `constraint/${driver.constraint ?? 'foreign_key'}` },
        };
      case '23514':
      case '23502':
        return {
          code: 'BAD_USER_INPUT',
          message: 'A value is out of the allowed range or format.',
          extensions: { reason: `constraint/${driver.constraint ?? driver.code}` },
        };
      case '40001':
      case '40P01':
        return {
          code: 'CONFLICT',
          message: 'Another change got there first. Try again.',
          extensions: { reason: 'transaction/serialization' },
        };
    }
    // Class 22, data exceptions: a value the column cannot take (too long, out of range, not a
    // number, a character the encoding cannot hold...). The client's input, not the server's fault.
    if (typeof driver.code === 'string' && driver.code.startsWith('22')) {
      return {
        code: 'BAD_USER_INPUT',
        message: 'A value is out of the allowed range or format.',
        extensions: { reason: `constraint/${driver.constraint ?? driver.code}` },
      };
    }
  }
  if (original instanceof OrmValidationError) return { code: 'BAD_USER_INPUT', message: 'A value is not valid.' };
  if (isUnavailable(original)) {
    return {
      code: 'UNAVAILABLE',
      message: 'The database cannot be reached right now. Nothing was saved; try again shortly.',
      extensions: { retryable: true },
    };
  }
  return undefined;
}

/** graphql-js's "Did you mean …?" hints name fields, types and values of the schema. */
const SUGGESTION = /\s*Did you mean [\s\S]*\?\s*$/;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

export interface ErrorFormatterOptions {
  /**
   * Production: no "Did you mean …?" in any message, so the schema cannot be read back through
   * errors once introspection is off. Apollo's hideSchemaDetailsFromClientErrors does this for
   * HTTP validation errors only; here it covers both doors and variable coercion too.
   */
  hideSchemaDetails?: boolean;
}

/**
 * One error policy for HTTP and WebSocket: expected failures keep their code and message;
 * database failures become typed codes; anything else is logged and answered without
 * internals (no stack trace, no SQL).
 */
export function createErrorFormatter(logger: Logger, exposeDetails: boolean, options: ErrorFormatterOptions = {}) {
  const format = formatWith(logger, exposeDetails);
  if (!options.hideSchemaDetails) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const answer = format(formatted, error);
    return { ...answer, message: withoutSuggestions(answer.message) };
  };
}

function formatWith(logger: Logger, exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const code = formatted.extensions?.['code'];
    if (original instanceof GraphQLError && isErrorCode(original.extensions?.['code'])) {
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { ...original.extensions } };
    }
    if (typeof code === 'string' && (PROTOCOL_CODES.has(code) || (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR'))) {
      return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { code } };
    }
    const known = classify(original);
    if (known) return { message: known.message, path: formatted.path, extensions: { ...known.extensions, code: known.code } };
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: exposeDetails
        ? `Internal error: ${formatted.message}`
        : 'Something went wrong on the server. Nothing was changed; the error has been logged.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
