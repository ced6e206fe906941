#!/usr/bin/env node
// `npm run restore -- --file path`: loads a `npm run backup` archive into the database at
// DATABASE_URL (or the embedded one). The database is created if it does not exist and must
// otherwise be empty: a restore never merges into, or silently overwrites, live data.
// Stop the servers first; start them again afterwards (they apply any newer migrations).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { argument, databaseUrl, findTool, redact, serverMajor } from './pg-tools.mjs';

async function ensureEmptyDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
      return;
    }
  } finally {
    await client.end();
  }
  const db = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await db.connect();
  try {
    const { rows } = await db.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
    if (rows[0].n > 0) {
      throw new Error(
        `${redact(url)} already has ${rows[0].n} tables. Restore into a new or empty database ` +
          '(or drop this one first, after taking a backup of it).',
      );
    }
  } finally {
    await db.end();
  }
}

try {
  const file = argument(process.argv, 'file');
  if (!file) throw new Error('Give the archive: npm run restore -- --file backups/command-centre-….dump');
  if (!existsSync(file)) throw new Error(`${path.resolve(file)} does not exist.`);
  const url = databaseUrl();
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const major = await serverMajor(admin.toString());
  const pgRestore = findTool('pg_restore', major);
  await ensureEmptyDatabase(url);
  execFileSync(pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log(`Restored ${path.resolve(file)} into ${redact(url)} (PostgreSQL ${major}).`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
