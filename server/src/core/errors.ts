import { GraphQLError } from 'graphql';
import type { ErrorCode } from '@cc/shared';

export interface DomainErrorExtensions {
  /** A finer reason the client may branch on, e.g. 'vehicle/already_assigned'. */
  reason?: string;
  [key: string]: unknown;
}

/**
 * The one way to answer with an expected failure: a GraphQLError whose `extensions.code`
 * is one of the shared codes, and whose message a person can act on.
 */
export function domainError(code: ErrorCode, message: string, extensions: DomainErrorExtensions = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const notFound = (what: string, id: string) =>
  domainError('NOT_FOUND', `${what} ${id} does not exist or is not visible to you.`, { reason: 'not_found', id });

export const forbidden = (message = 'Your role does not allow this.') => domainError('FORBIDDEN', message);

export const unauthenticated = () => domainError('UNAUTHENTICATED', 'Sign in to continue.');

export function isDomainError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && typeof error.extensions?.['code'] === 'string';
}
