import 'reflect-metadata';
import type { EntitySchema } from '@mikro-orm/core';
import { migrationsInOrder } from '../core/database/migration-order';
import { checkModules, type ModuleManifest } from '../core/module';
import { createAlertsModule } from './alerts';
import { createAuditModule } from './audit';
import { createCoordinationModule } from './coordination';
import { createDispatchModule } from './dispatch';
import { createDutyModule } from './duty';
import { createIdentityModule } from './identity';
import { createIncidentsModule } from './incidents';
import { createLeaderModule } from './leader';
import { createLogisticsModule } from './logistics';
import { createPermitsModule } from './permits';

export interface ModuleOptions {
  sessionTtlMs: number;
}

/**
 * The console's modules: THE one list. Each module describes itself (core/module.ts: entities,
 * resolvers, migrations, topics, alert rules, leader figures, demo seed); everything that used
 * to be registered by hand in shared files (the schema, the ORM, the migration runner, the demo
 * seed, the alert engine, the leader's board) loops over this list. A module reaches another
 * only through that module's services, given to its factory; so a module is built after the
 * ones it uses, and the list's order is also the demo seed's order.
 *
 * Adding a module: build it here with its dependencies and put it in `list`.
 */
export function createModules(options: ModuleOptions) {
  const identity = createIdentityModule({ sessionTtlMs: options.sessionTtlMs });
  const incidents = createIncidentsModule({ people: identity.users });
  const audit = createAuditModule({ people: identity.users });
  const dispatch = createDispatchModule({
    incidents: incidents.service,
    units: identity.units,
    // Late-bound: logistics is built below (it raises orders); the goods on orders move with their steps.
    cargo: () => logistics.shipments,
  });
  const duty = createDutyModule({
    people: identity.users,
    incidents: incidents.service,
    orders: dispatch.orders,
    units: identity.units,
    modules: () => list,
  });
  const coordination = createCoordinationModule();
  const permits = createPermitsModule();
  const logistics = createLogisticsModule({ people: identity.users, units: identity.units, orders: dispatch.orders });
  const alerts = createAlertsModule({ people: identity.users, roster: duty.roster });
  const leader = createLeaderModule({ modules: () => list });
  const list: readonly ModuleManifest[] = [identity, incidents, audit, dispatch, duty, coordination, permits, logistics, alerts, leader];

  checkModules(list);
  alerts.registerRulesOf(list);
  return {
    identity,
    incidents,
    audit,
    dispatch,
    duty,
    coordination,
    permits,
    logistics,
    alerts,
    leader,
    list,
    entities: list.flatMap((m) => m.entities) as EntitySchema[],
    resolvers: list.flatMap((m) => m.resolvers),
    migrations: migrationsInOrder(list),
  };
}

export type Modules = ReturnType<typeof createModules>;
