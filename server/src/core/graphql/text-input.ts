import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

/**
 * PostgreSQL text cannot hold U+0000, and a NUL inside a statement the driver writes out (raw
 * `em.execute` inlines its parameters) cuts the protocol message short: PostgreSQL answers
 * "invalid message format" and drops the connection, so the request failed as UNAVAILABLE and
 * took other requests' connection with it (found by test/integration/fuzz-mutations.test.ts).
 * No field of the console has a use for it, so both doors refuse it before anything runs.
 */
export function nulCharacterError(document: DocumentNode, variables: unknown, extensions: unknown): GraphQLError | undefined {
  const where = findNul(variables, 'variables') ?? findNul(extensions, 'extensions') ?? literalWithNul(document);
  if (!where) return undefined;
  return new GraphQLError(`Text may not contain the NUL character (U+0000); remove it from ${where} and send again.`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'input/nul_character', field: where },
  });
}

function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = (key.includes('\u0000') ? `${path} (a key)` : undefined) ?? findNul(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Per parsed document (reused per query text by both doors): its literals never change, so it is searched once. */
const literalNul = new WeakMap<DocumentNode, string | null>();

function literalWithNul(document: DocumentNode): string | undefined {
  const known = literalNul.get(document);
  if (known !== undefined) return known ?? undefined;
  const found = searchLiterals(document);
  literalNul.set(document, found ?? null);
  return found;
}

function searchLiterals(document: DocumentNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!found && node.value.includes('\u0000')) found = `a string in the query (line ${node.loc?.startToken.line ?? '?'})`;
    },
  });
  return found;
}

/** The HTTP door's check (the WebSocket door calls `nulCharacterError` from core/graphql/operation-checks.ts). */
export function nulCharacterPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, response }) {
          const error = nulCharacterError(document, request.variables, request.extensions);
          if (!error) return;
          response.http.status = 400; // the client's input, refused before it runs
          throw error;
        },
      };
    },
  };
}
