import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/**
 * Answers every HTTP request with its request id (X-Request-Id): the id the audit trail and
 * the logs carry, so a person reporting a problem, or a test, can find what the request did.
 */
export function requestIdPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue, response }) {
      response.http.headers.set('x-request-id', contextValue.requestId);
    },
  };
}
