import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase, LOCAL_ADMIN_URL } from '../support/database';
import { login, startServerProcess, type ServerProcess } from '../support/server-process';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));

/**
 * The production server is plain JavaScript: `npm run build` compiles server/src (and the shared
 * workspace) to server/dist/main.js with esbuild, and it runs on `node` alone, no TypeScript
 * loader. type-graphql's legacy decorators must survive the compilation: the schema builds and
 * resolvers answer.
 */
describe('the compiled server (server/dist/main.js)', () => {
  const name = `cc_test_${randomUUID().replaceAll('-', '')}`;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT });
    const url = await createDatabase(LOCAL_ADMIN_URL, name);
    server = await startServerProcess(url, { entry: [BUILT], env: { DEMO_MODE: 'true' } });
  }, 90_000);
  afterAll(async () => {
    server?.child.kill('SIGTERM');
    if (server) expect(await server.exited).toBe(0);
    await dropDatabase(LOCAL_ADMIN_URL, name);
  });

  it('loads no TypeScript and bundles no npm package', () => {
    const code = readFileSync(BUILT, 'utf8');
    expect(code).not.toMatch(/\bfrom ["']tsx/);
    expect(code).not.toMatch(/\.ts["']/);
    // npm packages come from node_modules at run time (the image's `npm ci --omit=dev`).
    expect(code).toMatch(/from "type-graphql"/);
  });

  it('migrates a fresh database and answers /readyz 200', async () => {
    const response = await fetch(`${server!.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', pendingMigrations: 0 });
  });

  it('runs decorated resolvers: sign in, a query and a mutation', async () => {
    const cookie = await login(server!.url, 'leader');
    const gql = async (query: string, variables?: Record<string, unknown>) =>
      (await (
        await fetch(`${server!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query, variables }),
        })
      ).json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    const reported = await gql('mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id title } }', {
      input: { title: '编译版演练', incidentClass: 'B' },
    });
    expect(reported.errors).toBeUndefined();
    const me = await gql('{ me { username } }');
    expect(me).toEqual({ data: { me: { username: 'leader' } } });
  });
});
