import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase } from '../../support/database';
import { TEST_PERMIT_SIGNING_KEY } from '../../support/permit-keys';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = path.join(ROOT, 'server/src/main.ts');

interface Started {
  child: ChildProcess;
  url: Promise<string>;
  exit: Promise<{ code: number | null; output: string }>;
}

/** Starts the real server entry point (server/src/main.ts) the way `npm start` does. */
function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      CONSOLE_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => reject(new Error(`the server exited before listening:\n${output}`)));
  });
  url.catch(() => undefined);
  const exit = new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  return { child, url, exit };
}

async function login(url: string, username: string, password: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { username roles } }',
      variables: { u: username, p: password },
    }),
  });
  return (await response.json()) as {
    data?: { login: { username: string; roles: string[] } };
    errors?: { extensions: { code: string } }[];
  };
}

describe('first run in production', () => {
  const adminUrl = inject('pgAdminUrl');
  const name = `cc_t_first_${randomBytes(4).toString('hex')}`;
  let databaseUrl: string;
  const running: ChildProcess[] = [];
  beforeAll(async () => {
    databaseUrl = await createDatabase(adminUrl, name);
  });
  afterAll(async () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    await dropDatabase(adminUrl, name);
  });

  it('refuses to start without ADMIN_USERNAME and ADMIN_PASSWORD, saying what to set', async () => {
    const started = startMain({ NODE_ENV: 'production', DEMO_MODE: 'false', DATABASE_URL: databaseUrl });
    running.push(started.child);
    const { code, output } = await started.exit;
    expect(code).toBe(2);
    expect(output).toMatch(/ADMIN_USERNAME and ADMIN_PASSWORD: required in production/);
  }, 60_000);

  it('creates the first administrator from the environment, once, and no demo users', async () => {
    const env = {
      NODE_ENV: 'production',
      DEMO_MODE: 'false',
      DATABASE_URL: databaseUrl,
      ADMIN_USERNAME: 'Chief',
      ADMIN_PASSWORD: 'chief-password-123',
      PERMIT_SIGNING_KEY: TEST_PERMIT_SIGNING_KEY,
    };
    const first = startMain(env);
    running.push(first.child);
    const url = await first.url;
    expect((await login(url, 'chief', 'chief-password-123')).data).toEqual({ login: { username: 'chief', roles: ['ADMIN'] } });
    expect((await login(url, 'duty', 'demo-password')).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    first.child.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);

    // A restart with another password changes nothing: the administrator exists already.
    const second = startMain({ ...env, ADMIN_PASSWORD: 'another-password-456' });
    running.push(second.child);
    const again = await second.url;
    expect((await login(again, 'chief', 'chief-password-123')).data?.login.username).toBe('chief');
    expect((await login(again, 'chief', 'another-password-456')).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    second.child.kill('SIGTERM');
    await second.exit;
  }, 120_000);
});
