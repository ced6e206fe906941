import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  visit,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { INTROSPECTION_FIELDS } from './limits';

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
 * applied) or by `defaultListSize`. Introspection (`__schema`, `__type`) costs nothing. Depth and aliases have their own limits (limits.ts); this
 * catches the wide request those allow, e.g. lists nested in lists.
 */
export function recordCountEstimator(defaultListSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    // The schema's description is not records; where introspection is refused (production) the
    // validation rules refuse it before the cost is asked, elsewhere tooling must be able to read it.
    if (INTROSPECTION_FIELDS.has(field.name)) return 0;
    const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
    if (!isListType(getNullableType(field.type))) return own + childComplexity;
    const page = [args['first'], args['limit']].find((v): v is number => typeof v === 'number' && v >= 0);
    return (page ?? defaultListSize) * (own + childComplexity);
  };
}

/** Argument names whose value sets a list's page size (as `recordCountEstimator` reads them). */
const PAGE_ARGUMENTS = new Set(['first', 'limit']);
/** Directives that can drop a selection, and so its cost. */
const CONDITION_DIRECTIVES = new Set(['include', 'skip']);
/** Distinct variable values remembered per document; a document asked with more is priced each time. */
const MAX_COSTS_PER_DOCUMENT = 64;

/**
 * The variables that can change a document's cost: those inside a page-size argument or an
 * @include/@skip condition. Any other variable (a mutation's input) leaves the cost unchanged.
 */
const costVariables = new WeakMap<DocumentNode, readonly string[]>();
/** Costs already computed, per parsed document (Apollo and the WebSocket door reuse the parsed object per query text). */
const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();

function variablesAffectingCost(document: DocumentNode): readonly string[] {
  const known = costVariables.get(document);
  if (known) return known;
  const names = new Set<string>();
  // How many page-size arguments or conditions the visit is inside; a variable counts when it is above 0.
  let depth = 0;
  visit(document, {
    [Kind.ARGUMENT]: {
      enter(node) {
        if (PAGE_ARGUMENTS.has(node.name.value)) depth++;
      },
      leave(node) {
        if (PAGE_ARGUMENTS.has(node.name.value)) depth--;
      },
    },
    [Kind.DIRECTIVE]: {
      enter(node) {
        if (CONDITION_DIRECTIVES.has(node.name.value)) depth++;
      },
      leave(node) {
        if (CONDITION_DIRECTIVES.has(node.name.value)) depth--;
      },
    },
    [Kind.VARIABLE](node) {
      if (depth > 0) names.add(node.name.value);
    },
  });
  const result = [...names].sort();
  costVariables.set(document, result);
  return result;
}

/**
 * The document's cost for these variables. Pricing walks the whole document with the schema's
 * types (about as long as executing a small query), so it is done once per document and per
 * value of the variables that matter, not on every request.
 */
function documentCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined | null,
  defaultListSize: number,
): number | undefined {
  const key = JSON.stringify([
    operationName ?? null,
    defaultListSize,
    variablesAffectingCost(document).map((name) => variables[name] ?? null),
  ]);
  const costs = knownCosts.get(document);
  const known = costs?.get(key);
  if (known !== undefined) return known;
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      ...(operationName ? { operationName } : {}),
      estimators: [recordCountEstimator(defaultListSize)],
    });
  } catch {
    return undefined; // invalid variables: execution answers them with its own error
  }
  if (!costs) knownCosts.set(document, new Map([[key, cost]]));
  else if (costs.size < MAX_COSTS_PER_DOCUMENT) costs.set(key, cost);
  return cost;
}

/** The error for a request over the limit, or undefined. Needs the variables, so it runs after validation. */
export function costLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined | null,
  operationName: string | undefined | null,
  limits: CostLimits = DEFAULT_COST_LIMITS,
): GraphQLError | undefined {
  const cost = documentCost(schema, document, variables ?? {}, operationName, limits.defaultListSize);
  if (cost === undefined || cost <= limits.maxCost) return undefined;
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
