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
import type { PermitVerificationOptions } from './permits/permit-verification';

export interface ModuleOptions {
  sessionTtlMs: number;
  /** The permit signing keyring and the public check's rate (from configuration); a throwaway key when absent (schema builds, unit tests). */
  permits?: PermitVerificationOptions;
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
    // Late-bound, both built below: suggestions prefer vehicles with a standing permit; the goods
    // on orders (logistics raises them) move with their steps.
    permits: () => permits.links,
    cargo: () => logistics.shipments,
  });
  const duty = createDutyModule({
    people: identity.users,
    incidents: incidents.service,
    orders: dispatch.orders,
    units: identity.units,
    modules: () => list,
  });
  const coordination = createCoordinationModule({
    units: identity.units,
    users: identity.users,
    origins: {
      instruction: (em, viewer, id) => duty.instructions.get(em, viewer, id),
      call: (em, viewer, id) => duty.calls.get(em, viewer, id),
    },
    modules: () => list,
  });
  const permits = createPermitsModule({
    units: identity.units,
    calls: duty.calls,
    // A permit is valid at the latest until the emergency response ends (issue 21).
    responseEnd: (em) => coordination.response.endedAt(em),
    jobs: dispatch.jobs,
    fleet: dispatch.fleet,
    verification: options.permits,
  });
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
