import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { RealtimeResolver } from '../realtime/realtime.resolver';
import { authChecker } from './auth-checker';

/** Builds the one schema all four working groups share, from resolver instances. */
export async function buildGraphQLSchema(moduleResolvers: readonly object[]): Promise<GraphQLSchema> {
  const instances = new Map<Function, object>([[RealtimeResolver, new RealtimeResolver()]]);
  for (const resolver of moduleResolvers) instances.set(resolver.constructor, resolver);
  return buildSchema({
    resolvers: [...instances.keys()] as unknown as NonEmptyArray<Function>,
    container: { get: (cls: Function) => instances.get(cls) },
    authChecker,
    authMode: 'error',
    validate: false,
    // Subscriptions read the outbox (core/realtime), never an in-memory bus: nothing can be
    // published that has not committed. type-graphql insists on a pubSub, so this one refuses.
    pubSub: {
      publish: () => {
        throw new Error('Publish through the unit of work (core/unit-of-work.ts), not pubSub.');
      },
      subscribe: () => {
        throw new Error('Subscribe with openEventStream (core/realtime/event-stream.ts), not topics.');
      },
    },
  });
}

/** The committed contract (shared/schema.graphql), sorted so that it diffs cleanly. */
export function printContract(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
