import { registerEnumType } from 'type-graphql';

/** Turns a shared `as const` list into the object type-graphql registers as a GraphQL enum. */
export function graphqlEnum<const T extends readonly string[]>(values: T, name: string, description: string): { [K in T[number]]: K } {
  const object = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(object, { name, description });
  return object;
}
