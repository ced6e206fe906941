import { GraphQLScalarType, Kind } from 'graphql';
import { domainError } from '../errors';

/**
 * A position in the event outbox. A bigint in the database, a decimal string on the wire
 * (GraphQL's Int is 32-bit). Clients store the last one they saw and resume after it.
 */
export const EventPositionScalar = new GraphQLScalarType<bigint, string>({
  name: 'EventPosition',
  description: 'Position of an event in the outbox, as a decimal string. Resume a subscription after it.',
  serialize: (value) => String(value),
  parseValue: (value) => parsePosition(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT) throw invalid();
    return parsePosition(ast.value);
  },
});

function parsePosition(value: unknown): bigint {
  if ((typeof value === 'string' && /^\d{1,19}$/.test(value)) || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)) {
    return BigInt(value);
  }
  throw invalid();
}

const invalid = () => domainError('BAD_USER_INPUT', 'An event position is a non-negative whole number written as a string, e.g. "42".');
