import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import type { WorkingGroup } from '@cc/shared';
import type { Request, Response, Router } from 'express';
import type { AlertRuleDefinition } from './alerts/alert-rule';
import type { Config } from './config';
import type { Context } from './context';
import type { Clock } from './clock';
import type { HandoverItemsSource } from './handover-items';
import type { LeaderFiguresSource } from './leader-figures';
import type { Logger } from './logger';
import type { TopicName } from './realtime/topics';

/** One kind of work a module has open for a member unit, e.g. 3 duty calls forwarded to it not yet closed. */
export interface UnitOpenWork {
  kind: string;
  count: number;
}

/**
 * What a module has open for one member unit on one HQ day (its own services' read): the
 * coordination module flags a zero report (零报告) filed while the unit had open work.
 */
export type UnitOpenWorkSource = (em: EntityManager, unitId: string, day: string) => Promise<UnitOpenWork[]>;

/**
 * One committed migration. The name is what the database's migration table records, so it
 * never changes once released; its leading four digits place it in the one global order
 * (core/database/migration-order.ts), whichever module lists it.
 */
export interface ModuleMigration {
  name: string;
  class: new (...args: never[]) => Migration;
}

/**
 * What the demo seeds hand each other, in module-list order (identity's people and units,
 * the incidents' ids…). Each module adds what it hands on by declaration merging, as topics do.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DemoCast {}

export interface DemoSeedContext {
  em: EntityManager;
  logger: Logger;
  now: Date;
  /** What the modules before this one seeded. */
  cast: Partial<DemoCast>;
}

/** A module's demo data (demo mode only); returns what later modules may refer to. */
export type DemoSeed = (ctx: DemoSeedContext) => Promise<Partial<DemoCast> | void>;

/** What the composition root hands a module's own HTTP routes. */
export interface HttpRouteDeps {
  /** The request's context, as GraphQL's: the viewer from the session cookie (null without one), a fresh EntityManager, the clock. */
  contextOf(req: Request, res: Response): Promise<Context>;
  config: Config;
  /** A fresh EntityManager fork for one request (routes that need no viewer). */
  em(): EntityManager;
  clock: Clock;
  logger: Logger;
}

/**
 * Routes a module serves outside GraphQL: file uploads, which GraphQL's JSON body cannot carry;
 * a checkpoint device's permit keys and revocation list. They are mounted before the console's
 * pages, behind the security headers; each route does its own authentication and CSRF check
 * (core/http/csrf.ts `requireCsrfHeader`), or is public on purpose.
 */
export type ModuleHttpRoutes = (router: Router, deps: HttpRouteDeps) => void;

/** Everything the server needs to know about a module; each module's index.ts describes itself with one. */
export interface ModuleManifest {
  name: string;
  /** The working group whose work it is (DOMAIN.md); null for HQ-wide and administration modules. */
  workingGroup: WorkingGroup | null;
  /** MikroORM entity schemas of the tables it owns. */
  entities: readonly EntitySchema[];
  /** type-graphql resolver instances (queries, mutations, subscriptions, field resolvers). */
  resolvers: readonly object[];
  /** Its migrations; core's own (0001) are not any module's. */
  migrations: readonly ModuleMigration[];
  /** The outbox topics it emits (declared in its *.events.ts); no two modules emit the same topic. */
  topics: readonly TopicName[];
  /** Alert rules over its own data; the alerts module's engine registers every module's. */
  alertRules: readonly AlertRuleDefinition[];
  /** Its figures on the leader's board. */
  leaderFigures: LeaderFiguresSource | null;
  /** Its open items a shift hands over to the next (交接班), read through its own services. */
  handoverItems: HandoverItemsSource | null;
  /** Its demo data; run in module-list order. */
  demoSeed: DemoSeed | null;
  /** What it has open for a member unit (incidents, requisitions, forwarded calls…); null when nothing of it is a unit's. */
  unitOpenWork: UnitOpenWorkSource | null;
  /** Its HTTP routes beside /graphql, if any. */
  httpRoutes: ModuleHttpRoutes | null;
}

export type ModuleDescription = Pick<ModuleManifest, 'name' | 'entities' | 'resolvers'> & Partial<ModuleManifest>;

/**
 * Describes a module: fills the parts it does not have, and keeps the services other modules
 * (and the composition root) use next to the description, e.g. `dispatch.fleet`.
 */
export function defineModule<S extends object = Record<never, never>>(
  description: ModuleDescription,
  services: S = {} as S,
): Readonly<ModuleManifest> & S {
  const manifest: ModuleManifest = {
    workingGroup: null,
    migrations: [],
    topics: [],
    alertRules: [],
    leaderFigures: null,
    handoverItems: null,
    demoSeed: null,
    unitOpenWork: null,
    httpRoutes: null,
    ...description,
  };
  return Object.freeze({ ...services, ...manifest });
}

/**
 * Checks the module list as a whole, so a forgotten or doubled registration fails at start-up
 * instead of silently: one name per module, one owner per topic, one owner per alert rule, and
 * every rule's trigger is a topic some module emits.
 */
export function checkModules(modules: readonly ModuleManifest[]): void {
  const owner = (what: string, seen: Map<string, string>, key: string, by: string) => {
    const previous = seen.get(key);
    if (previous !== undefined) throw new Error(`${what} “${key}” is declared by both the ${previous} and the ${by} module.`);
    seen.set(key, by);
  };
  const names = new Map<string, string>();
  const topics = new Map<string, string>();
  const rules = new Map<string, string>();
  for (const m of modules) {
    owner('Module', names, m.name, m.name);
    for (const topic of m.topics) owner('Topic', topics, topic, m.name);
  }
  for (const m of modules) {
    for (const rule of m.alertRules) {
      owner('Alert rule', rules, rule.id, m.name);
      const unknown = rule.triggers.filter((t) => !topics.has(t));
      if (unknown.length)
        throw new Error(`Alert rule ${rule.id} (${m.name}) is triggered by topics no module emits: ${unknown.join(', ')}.`);
    }
  }
}
