import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger';
import { domainError } from '../errors';
import { createErrorFormatter, withoutSuggestions } from './format-error';

/** A logger that remembers what it was told, so a test can see that a masked error was logged. */
function recordingLogger() {
  const errors: unknown[] = [];
  const logger = {
    error: (obj: unknown) => void errors.push(obj),
    warn: () => undefined,
    info: () => undefined,
    debug: () => undefined,
  } as unknown as Logger;
  return { logger, errors };
}

/** What graphql-js hands the formatter for an error thrown inside a resolver. */
function fromResolver(original: Error): [GraphQLFormattedError, GraphQLError] {
  const wrapped = new GraphQLError(original.message, { originalError: original, path: ['reportIncident'] });
  return [wrapped.toJSON(), wrapped];
}

function driverError(code: string, message = 'driver said no'): Error {
  return Object.assign(new Error(message), { code });
}

describe('the error formatter (both doors)', () => {
  it('masks an unexpected failure: no message, stack or SQL reaches the client, and it is logged', () => {
    const { logger, errors } = recordingLogger();
    const format = createErrorFormatter(logger, false);
    const crash = new TypeError("Cannot read properties of undefined (reading 'id') in select * from incident where id = $1");
    const answer = format(...fromResolver(crash));
    expect(answer.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(answer.message).not.toMatch(/undefined|select|incident|TypeError/);
    expect(JSON.stringify(answer)).not.toMatch(/stack|\.ts:|node_modules/);
    expect(errors).toHaveLength(1);
  });

  it('keeps a domain error’s code, message and reason', () => {
    const format = createErrorFormatter(recordingLogger().logger, false);
    const answer = format(
      ...fromResolver(
        domainError('CONFLICT', 'Vehicle 京A12345 is already on order DD-20250101-001.', { reason: 'vehicle/already_assigned' }),
      ),
    );
    expect(answer).toMatchObject({
      message: 'Vehicle 京A12345 is already on order DD-20250101-001.',
      extensions: { code: 'CONFLICT', reason: 'vehicle/already_assigned' },
    });
  });

  it('answers every PostgreSQL data exception (SQLSTATE class 22) as the client’s input', () => {
    const format = createErrorFormatter(recordingLogger().logger, false);
    for (const code of ['22001', '22003', '22021', '22P02', '22P05', '22007', '22012']) {
      expect(format(...fromResolver(driverError(code))).extensions?.['code'], code).toBe('BAD_USER_INPUT');
    }
    expect(format(...fromResolver(driverError('23505'))).extensions?.['code']).toBe('CONFLICT');
    expect(format(...fromResolver(driverError('57P01'))).extensions).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
  });

  it('removes "Did you mean …?" in production only', () => {
    const suggestion = new GraphQLError('Cannot query field "incidnts" on type "Query". Did you mean "incidents"?', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const production = createErrorFormatter(recordingLogger().logger, false, { hideSchemaDetails: true });
    const development = createErrorFormatter(recordingLogger().logger, false);
    expect(production(suggestion.toJSON(), suggestion).message).toBe('Cannot query field "incidnts" on type "Query".');
    expect(development(suggestion.toJSON(), suggestion).message).toMatch(/Did you mean "incidents"\?$/);
    expect(withoutSuggestions('Value "AA" does not exist in "IncidentClass" enum. Did you mean the enum value "A"?')).toBe(
      'Value "AA" does not exist in "IncidentClass" enum.',
    );
    expect(withoutSuggestions('Nothing to strip here.')).toBe('Nothing to strip here.');
  });
});
