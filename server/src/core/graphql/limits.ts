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

/** Refuses documents nested deeper than `max` fields (fragments followed, cycles stopped). */
export function depthLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const s of set.selections) {
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

/** Refuses documents that repeat fields under many aliases (a cheap way to multiply work). */
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

/** The rules both doors (HTTP and WebSocket) add to graphql-js's own. */
export function validationRules(limits: QueryLimits, production: boolean): ValidationRule[] {
  const rules = [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)];
  if (production) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}
