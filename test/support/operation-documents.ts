import { getNamedType, isCompositeType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

export type OperationKind = 'query' | 'mutation' | 'subscription';

export interface RootOperation {
  kind: OperationKind;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every root field of the schema: the operations the policy table must cover. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const roots: [OperationKind, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    type
      ? Object.values(type.getFields()).map((field) => ({ kind, name: field.name, field: field as GraphQLField<unknown, unknown> }))
      : [],
  );
}

/**
 * The smallest document that calls one root operation: each argument the variables give is
 * passed as a variable of the argument's own type; an object result selects `__typename` only.
 * Throws when a required argument has no value, so a fixture that lacks one is reported by name.
 */
export function documentFor(operation: RootOperation, variables: Record<string, unknown>): string {
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of operation.field.args) {
    if (arg.name in variables) {
      declared.push(`$${arg.name}: ${String(arg.type)}`);
      passed.push(`${arg.name}: $${arg.name}`);
    } else if (String(arg.type).endsWith('!') && arg.defaultValue === undefined) {
      throw new Error(`The fixture for ${operation.name} gives no value for its required argument "${arg.name}".`);
    }
  }
  const unknown = Object.keys(variables).filter((key) => !operation.field.args.some((a) => a.name === key));
  if (unknown.length)
    throw new Error(`The fixture for ${operation.name} gives arguments the operation does not take: ${unknown.join(', ')}.`);
  const selection = isCompositeType(getNamedType(operation.field.type)) ? ' { __typename }' : '';
  const head = declared.length ? `(${declared.join(', ')})` : '';
  const call = passed.length ? `(${passed.join(', ')})` : '';
  return `${operation.kind} Probe_${operation.name}${head} { ${operation.name}${call}${selection} }`;
}
