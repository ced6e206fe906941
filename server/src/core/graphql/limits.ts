import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxTokens: 5_000 };

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}

/** The two fields a client reads the schema through (`__typename` is a plain leaf and counts as one). */
export const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

/**
 * Refuses documents nested deeper than `max` fields (fragments followed, cycles stopped).
 * With `countIntrospection` false, `__schema` and `__type` and everything under them do not
 * count: the standard introspection query (graphql's getIntrospectionQuery, what GraphiQL and
 * codegen send) is 15 levels deep through `ofType`, a chain of single objects. The walk that
 * does multiply (`fields { type { fields … } }`) is capped by graphql-js's own
 * MaxIntrospectionDepthRule, which is among the specified rules both doors run.
 */
export function depthLimitRule(max: number, countIntrospection = true): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD && !countIntrospection && INTROSPECTION_FIELDS.has(s.name.value)) continue;
        if (s.kind === Kind.FIELD) deepest = Math.max(deepest, s.selectionSet ? 1 + depthOf(s.selectionSet, seen) : 1);
        else if (s.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(s.selectionSet, seen));
        else if (!seen.has(s.name.value)) {
          const fragment = fragments.get(s.name.value);
          deepest = Math.max(deepest, depthOf(fragment?.selectionSet, new Set([...seen, s.name.value])));
        }
        if (deepest > max) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) context.reportError(limitError(`The query is nested ${depth} levels deep; at most ${max} are allowed.`));
      },
    };
  };
}

/**
 * Refuses documents that repeat fields under many aliases (a cheap way to multiply work).
 * Introspection counts here even where it is allowed: an aliased `__schema` repeats the whole
 * schema walk, which is the work this limit exists to stop; the standard introspection query
 * uses no aliases, so tooling is unaffected.
 */
export function aliasLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) context.reportError(limitError(`The query uses more than ${max} aliases.`));
      },
    };
  };
}

/**
 * The rules both doors (HTTP and WebSocket) add to graphql-js's own. Outside production the
 * schema may be introspected, so introspection does not count against the depth limit (cost.ts
 * does not price it either); in production it is refused outright.
 */
export function validationRules(limits: QueryLimits, production: boolean): ValidationRule[] {
  const rules = [depthLimitRule(limits.maxDepth, production), aliasLimitRule(limits.maxAliases)];
  if (production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}
