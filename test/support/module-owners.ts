/**
 * Which server module owns an operation or a table, read from the server itself: its modules'
 * resolvers and entities (server/src/modules/<module>/index.ts), and type-graphql's record of
 * which resolver class declares each root field. The core's RealtimeResolver is `realtime`.
 */
import { getMetadataStorage } from 'type-graphql';
import { RealtimeResolver } from '../../server/src/core/realtime/realtime.resolver';
import { createModules } from '../../server/src/modules';

interface ServerModule {
  name: string;
  resolvers: readonly object[];
  entities: readonly unknown[];
}

/** The server's modules (its one module list), plus the realtime core (livePosition and the outbox's tables). */
export function serverModules(): ServerModule[] {
  return [{ name: 'realtime', resolvers: [new RealtimeResolver()], entities: [] }, ...createModules({ sessionTtlMs: 60_000 }).list];
}

/** Root operation -> the module whose resolver declares it (after a schema was built in this process). */
export function operationOwners(): Map<string, { module: string; resolver: string }> {
  const byClass = new Map<Function, string>();
  for (const module of serverModules()) for (const resolver of module.resolvers) byClass.set(resolver.constructor, module.name);
  const storage = getMetadataStorage();
  const owners = new Map<string, { module: string; resolver: string }>();
  for (const field of [...storage.queries, ...storage.mutations, ...storage.subscriptions]) {
    const module = byClass.get(field.target);
    if (module) owners.set(field.schemaName, { module, resolver: field.target.name });
  }
  return owners;
}

/** Table name -> the module whose entity maps it (tables written in raw SQL have no entity). */
export function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const module of serverModules()) {
    for (const entity of module.entities) {
      const table = (entity as { meta?: { tableName?: string } }).meta?.tableName;
      if (table) owners.set(table, module.name);
    }
  }
  return owners;
}
