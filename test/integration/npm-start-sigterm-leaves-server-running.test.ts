import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase } from '../support/database';
import { freePort } from '../support/server-process';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The pids below `pid` (children, grandchildren, …), read from /proc. */
function descendantsOf(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after its last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`)).ok;
  } catch {
    return false;
  }
}

interface Started {
  npm: ChildProcess;
  /** Everything npm started, read once it answered: an orphan of a failed run is still cleaned up. */
  below: number[];
  url: string;
  exited: Promise<number | string>;
  log: () => string;
}

/** `npm start` exactly as README gives it, on a fresh database; resolves once the server is ready. */
async function npmStart(databaseUrl: string): Promise<Started> {
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  npm.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  npm.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | string>((resolve) => npm.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = `http://127.0.0.1:${port}`;
  // The first start may build the console before the server listens.
  await waitFor(() => answers(url), `npm start to answer on ${url}:\n${log}`, 150_000);
  return { npm, below: descendantsOf(npm.pid!), url, exited, log: () => log };
}

describe('stopping what `npm start` started', () => {
  const adminUrl = inject('pgAdminUrl');
  const names: string[] = [];
  const started: Started[] = [];
  afterAll(async () => {
    for (const s of started) for (const pid of [s.npm.pid!, ...s.below]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const name of names) await dropDatabase(adminUrl, name);
  });

  async function freshDatabase(): Promise<string> {
    const name = `cc_t_npm_${randomBytes(4).toString('hex')}`;
    names.push(name);
    return createDatabase(adminUrl, name);
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to npm stops the server and everything under it`, async () => {
      const s = await npmStart(await freshDatabase());
      started.push(s);
      const { below } = s;
      expect(below.length).toBeGreaterThan(0);
      s.npm.kill(signal);
      await s.exited;
      await waitFor(() => below.every((pid) => !alive(pid)), `every process under npm to exit:\n${s.log()}`);
      expect(await answers(s.url)).toBe(false);
    }, 240_000);
  }

  it('the server stops when npm itself is killed without a word (SIGKILL)', async () => {
    const s = await npmStart(await freshDatabase());
    started.push(s);
    const { below } = s;
    s.npm.kill('SIGKILL');
    await s.exited;
    await waitFor(() => below.every((pid) => !alive(pid)), `the orphaned server to stop:\n${s.log()}`);
    expect(await answers(s.url)).toBe(false);
  }, 240_000);
});
