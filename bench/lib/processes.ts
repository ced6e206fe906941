import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/support/server-process';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every process the benchmark starts runs the project's Node with tsx as an import hook (one
 * process, no forking CLI), behind `sh -c 'ulimit -n <hard>'` so thousands of sockets fit.
 */
function spawnNode(args: string[], env: Record<string, string>, stdout: 'pipe' | 'inherit' = 'pipe'): ChildProcess {
  return spawn('/bin/sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', process.execPath, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'pipe'],
  });
}

export interface ManagedProcess {
  name: string;
  url: string;
  port: number;
  wsUrl: string;
  metricsUrl: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

async function waitReady(name: string, url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited before it was ready:\n${output().slice(-3000)}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready within 90 s:\n${output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function manage(
  name: string,
  script: string,
  env: Record<string, string>,
  nodeArgs: string[],
  /** How long SIGTERM may take before SIGKILL: our server shuts down gracefully; a baseline keeps nothing. */
  stopGraceMs = 20_000,
): Promise<ManagedProcess> {
  const port = await freePort();
  const child = spawnNode([...nodeArgs, '--import', 'tsx', script], { PORT: String(port), ...env });
  let log = '';
  const keep = (d: Buffer) => {
    log += d.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(name, url, child, () => log);
  return {
    name,
    url,
    port,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    metricsUrl: `${url}/metrics`,
    child,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
      await exited;
      clearTimeout(killed);
    },
  };
}

export interface OurServerOptions {
  databaseUrl: string;
  name?: string;
  env?: Record<string, string>;
  /** e.g. --cpu-prof for a profile of the run. */
  nodeArgs?: string[];
}

/** Settings every benchmark server gets (recorded in BENCHMARKS.md). */
export const OUR_SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  DEMO_MODE: 'true',
  // Every subscriber signs in as the same demo user; the default 20 sockets per user is a console limit, not a server one.
  WS_MAX_SOCKETS_PER_USER: '100000',
};

export function startOurServer(options: OurServerOptions): Promise<ManagedProcess> {
  return manage(options.name ?? 'server', 'server/src/main.ts', { ...OUR_SERVER_ENV, DATABASE_URL: options.databaseUrl, ...options.env }, [
    '--expose-gc',
    ...(options.nodeArgs ?? []),
  ]);
}

export type BaselineName = 'raw-ws-broadcast' | 'bare-graphql-ws';

export function startBaseline(name: BaselineName, nodeArgs: string[] = []): Promise<ManagedProcess> {
  return manage(name, `bench/baselines/${name}.ts`, {}, ['--expose-gc', ...nodeArgs], 5_000);
}

/** Runs one load-generator script to the end and returns its JSON result (the last line of stdout). */
export function runLoadProcess<T>(script: string, params: unknown, options: { timeoutMs?: number; echo?: boolean } = {}): Promise<T> {
  const child = spawnNode(['--import', 'tsx', `bench/load/${script}.ts`], { BENCH_PARAMS: JSON.stringify(params) });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (options.echo !== false) process.stderr.write(d);
  });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load generator ${script} did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs ?? 300_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1);
      if (code !== 0 || !last) return reject(new Error(`load generator ${script} failed (exit ${code}):\n${stderr.slice(-3000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`load generator ${script} printed no JSON result:\n${stdout.slice(-2000)}`));
      }
    });
  });
}
