import type { EventSubscriber } from '@mikro-orm/core';
import { MikroORM, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import pg from 'pg';
import type { Logger } from '../logger';
import { ADVISORY_LOCKS } from './advisory-locks';

export type Orm = MikroORM;

export interface OrmOptions {
  url: string;
  entities: EntitySchema[];
  migrations: { name: string; class: new (...args: never[]) => Migration }[];
  logger: Logger;
  subscribers?: EventSubscriber[];
  poolMax?: number;
}

/** The connect and query timeouts keep a dead database from hanging a request (it fails as UNAVAILABLE). */
export function ormConfig(options: OrmOptions): Options {
  return {
    clientUrl: options.url,
    entities: options.entities,
    extensions: [Migrator],
    subscribers: options.subscribers ?? [],
    migrations: {
      migrationsList: options.migrations.map((m) => ({ name: m.name, class: m.class as never })),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    driverOptions: { connectionTimeoutMillis: 5_000, statement_timeout: 15_000 },
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
    logger: (message) => options.logger.debug(message),
  };
}

export async function openOrm(options: OrmOptions): Promise<Orm> {
  return MikroORM.init(ormConfig(options));
}

/**
 * Runs `work` while holding a session advisory lock on a connection of its own (not one of the
 * pool's, which `work` may need): replicas starting together on one database take turns. The
 * lock goes with the connection if the process dies.
 */
export async function withStartupLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

/** Applies committed migrations in order, one replica at a time; the schema is never recreated from entities. */
export async function migrate(orm: Orm, url: string): Promise<string[]> {
  return withStartupLock(url, ADVISORY_LOCKS.migrations, async () => (await orm.migrator.up()).map((m) => m.name));
}

export async function pendingMigrations(orm: Orm): Promise<number> {
  return (await orm.migrator.getPending()).length;
}
