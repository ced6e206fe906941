import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { isErrorCode } from '@cc/shared';
import { nulCharacterError } from './text-input';

export interface OperationRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

export interface OperationCheckOptions {
  schema: GraphQLSchema;
  /** The rules both doors add to graphql-js's own (limits.ts). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** The query cost check (cost.ts); it needs the variables, so it runs once the operation is known. */
  costLimit?(
    document: DocumentNode,
    variables: Record<string, unknown> | null | undefined,
    operationName: string | null | undefined,
  ): GraphQLError | undefined;
}

export interface CheckedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/**
 * What Apollo Server does to an HTTP request before executing it — parse with the token limit,
 * validate with the same rules, resolve the operation, check the cost and the text (no NUL,
 * text-input.ts), coerce the variables —
 * for the door that does not pass through Apollo (the WebSocket). Each failure carries the code
 * Apollo gives the same failure over HTTP (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * OPERATION_RESOLUTION_FAILURE, BAD_USER_INPUT, or the rule's own QUERY_TOO_COMPLEX), so a client
 * sees one answer whichever door it used (issue 14).
 */
export function checkOperation(options: OperationCheckOptions, request: OperationRequest): CheckedOperation | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: options.maxTokens });
  } catch (error) {
    const syntax = error instanceof GraphQLError ? error : undefined;
    return [
      new GraphQLError(syntax?.message ?? 'The query could not be parsed.', {
        ...(syntax?.source && syntax.positions ? { source: syntax.source, positions: syntax.positions } : {}),
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      }),
    ];
  }

  const invalid = validate(options.schema, document, [...specifiedRules, ...options.validationRules]);
  if (invalid.length > 0) {
    return invalid.map((e) =>
      isErrorCode(e.extensions['code'])
        ? e
        : new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }),
    );
  }

  const operation = getOperationAST(document, request.operationName);
  if (!operation)
    return [new GraphQLError(unresolvedMessage(document, request.operationName), { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];

  const tooCostly = options.costLimit?.(document, request.variables, request.operationName);
  if (tooCostly) return [tooCostly];
  const nul = nulCharacterError(document, request.variables, request.extensions);
  if (nul) return [nul];

  const coerced = getVariableValues(options.schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
  if (coerced.errors) {
    return coerced.errors.map(
      (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } }),
    );
  }
  return { document, operation };
}

/** graphql-js's own wording (execute's buildExecutionContext), which Apollo passes on over HTTP. */
function unresolvedMessage(document: DocumentNode, operationName: string | null | undefined): string {
  if (operationName) return `Unknown operation named "${operationName}".`;
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  return operations > 1 ? 'Must provide operation name if query contains multiple operations.' : 'Must provide an operation.';
}
