import 'reflect-metadata';
import type { EntitySchema } from '@mikro-orm/core';
import { createAlertsModule } from './alerts';
import { transportReadinessRules } from './alerts/rules/transport-readiness';
import { createAuditModule } from './audit';
import { createDispatchModule } from './dispatch';
import { createIdentityModule } from './identity';
import { createIncidentsModule } from './incidents';
import { createLeaderModule } from './leader';

export interface ModuleOptions {
  sessionTtlMs: number;
}

/**
 * The console's modules. Each owns its entities, resolvers and services; a module reaches
 * another only through that module's service.
 */
export function createModules(options: ModuleOptions) {
  const identity = createIdentityModule({ sessionTtlMs: options.sessionTtlMs });
  const incidents = createIncidentsModule({ people: identity.users });
  const audit = createAuditModule({ people: identity.users });
  const dispatch = createDispatchModule({ incidents: incidents.service, units: identity.units });
  const alerts = createAlertsModule({
    people: identity.users,
    incidents: incidents.service,
    rules: transportReadinessRules(dispatch.fleet),
  });
  const leader = createLeaderModule({ incidents: incidents.service, alerts: alerts.service, fleet: dispatch.fleet });
  const all: { entities: readonly unknown[]; resolvers: readonly object[] }[] = [identity, incidents, audit, dispatch, alerts, leader];
  return {
    identity,
    incidents,
    audit,
    dispatch,
    alerts,
    leader,
    entities: all.flatMap((m) => m.entities) as EntitySchema[],
    resolvers: all.flatMap((m) => m.resolvers),
  };
}

export type Modules = ReturnType<typeof createModules>;
