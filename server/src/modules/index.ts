import 'reflect-metadata';
import type { EntitySchema } from '@mikro-orm/core';
import { createAuditModule } from './audit';
import { createIdentityModule } from './identity';
import { createIncidentsModule } from './incidents';

export interface ModuleOptions {
  sessionTtlMs: number;
}

/**
 * The console's modules. Each owns its entities, resolvers and services; a module reaches
 * another only through that module's service.
 */
export function createModules(options: ModuleOptions) {
  const identity = createIdentityModule({ sessionTtlMs: options.sessionTtlMs });
  const incidents = createIncidentsModule();
  const audit = createAuditModule({ people: identity.users });
  const all: { entities: readonly unknown[]; resolvers: readonly object[] }[] = [identity, incidents, audit];
  return {
    identity,
    incidents,
    audit,
    entities: all.flatMap((m) => m.entities) as EntitySchema[],
    resolvers: all.flatMap((m) => m.resolvers),
  };
}

export type Modules = ReturnType<typeof createModules>;
