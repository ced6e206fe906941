import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { getNamedType, getNullableType, GraphQLError, isCompositeType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';

export interface CostLimits {
  /** Records one request may ask for, counting every object in every list it selects. */
  maxCost: number;
  /** What an unbounded list (no `first`/`limit` argument) is assumed to hold. */
  defaultListSize: number;
}

export const DEFAULT_COST_LIMITS: CostLimits = { maxCost: 10_000, defaultListSize: 100 };

/**
 * Cost = the number of records a request could return: every object field counts 1, scalars
 * count 0, and a list multiplies what it holds by its page size (`first` or `limit`, defaults
 * applied) or by `defaultListSize`. Depth and aliases have their own limits (limits.ts); this
 * catches the wide request those allow, e.g. lists nested in lists.
 */
export function recordCountEstimator(defaultListSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
    if (!isListType(getNullableType(field.type))) return own + childComplexity;
    const page = [args['first'], args['limit']].find((v): v is number => typeof v === 'number' && v >= 0);
    return (page ?? defaultListSize) * (own + childComplexity);
  };
}

/** The error for a request over the limit, or undefined. Needs the variables, so it runs after validation. */
export function costLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined | null,
  operationName: string | undefined | null,
  limits: CostLimits = DEFAULT_COST_LIMITS,
): GraphQLError | undefined {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [recordCountEstimator(limits.defaultListSize)],
    });
  } catch {
    return undefined; // invalid variables: execution answers them with its own error
  }
  if (cost <= limits.maxCost) return undefined;
  return new GraphQLError(
    `This request could return about ${cost} records; at most ${limits.maxCost} are allowed. Ask for smaller pages (a lower first or limit) or fewer nested lists.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'query/too_costly', cost, maxCost: limits.maxCost } },
  );
}

/** The HTTP door's cost check (the WebSocket door calls `costLimitError` from its onSubscribe). */
export function costLimitPlugin(limits: CostLimits = DEFAULT_COST_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, response }) {
          const error = costLimitError(schema, document, request.variables, request.operationName, limits);
          if (!error) return;
          response.http.status = 400; // the client's request is at fault, as for other validation failures
          throw error;
        },
      };
    },
  };
}
