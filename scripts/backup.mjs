#!/usr/bin/env node
// `npm run backup [-- --file path]`: a pg_dump custom-format archive of the whole database
// (records, audit trail, outbox events, sequences, triggers), taken with the pg_dump of the
// server's own major version. Safe while the server runs (one consistent snapshot).
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { argument, databaseUrl, findTool, redact, serverMajor } from './pg-tools.mjs';

try {
  const url = databaseUrl();
  const major = await serverMajor(url);
  const pgDump = findTool('pg_dump', major);
  const stamp = new Date()
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  const file = path.resolve(argument(process.argv, 'file') ?? path.join('backups', `command-centre-${stamp}.dump`));
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log(`Backed up ${redact(url)} (PostgreSQL ${major}) to ${file} (${statSync(file).size} bytes).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
