import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { mayUse } from '@cc/shared';
import type { Context } from '../context';
import { forbidden, unauthenticated } from '../errors';

/**
 * Subscriptions live on the WebSocket (graphql-transport-ws at the same /graphql). Sent over
 * HTTP, a subscription gets the same policy answer as on the socket first (UNAUTHENTICATED or
 * FORBIDDEN, from the one policy table), and otherwise a 400 that says where to go, instead of
 * running its resolver without an event.
 */
export function subscriptionsOverHttpPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, response }) {
          if (operation?.operation !== 'subscription') return;
          const viewer = contextValue.viewer;
          const signedIn = viewer !== null && viewer.sessionExpiresAt.getTime() > contextValue.clock.now().getTime();
          for (const field of rootFieldNames(operation)) {
            if (mayUse(field, signedIn ? viewer.roles : null)) continue;
            response.http.status = signedIn ? 403 : 401;
            throw signedIn ? forbidden() : unauthenticated();
          }
          response.http.status = 400;
          throw new GraphQLError('Subscriptions run over the WebSocket at /graphql (graphql-transport-ws protocol), not over HTTP.', {
            extensions: { code: 'BAD_REQUEST', reason: 'subscription/use_websocket' },
          });
        },
      };
    },
  };
}

function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}
