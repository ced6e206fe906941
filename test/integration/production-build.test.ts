import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase, LOCAL_ADMIN_URL } from '../support/database';
import { login, startServerProcess, type ServerProcess } from '../support/server-process';
import { TEST_PERMIT_SIGNING_KEY } from '../support/permit-keys';

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

describe('the compiled migration step (server/dist/migrate.js)', () => {
  const name = `cc_test_${randomUUID().replaceAll('-', '')}`;
  afterAll(async () => dropDatabase(LOCAL_ADMIN_URL, name));

  it('migrates a fresh database once and exits; run again, it finds nothing to do', async () => {
    await promisify(execFile)(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT });
    const url = await createDatabase(LOCAL_ADMIN_URL, name);
    const run = () =>
      promisify(execFile)(process.execPath, ['server/dist/migrate.js'], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DEMO_MODE: 'false',
          ADMIN_USERNAME: 'first-admin',
          ADMIN_PASSWORD: 'a-long-enough-password-1',
          PERMIT_SIGNING_KEY: TEST_PERMIT_SIGNING_KEY,
          DATABASE_URL: url,
          LOG_LEVEL: 'info',
        },
      });
    const first = await run();
    expect(first.stdout).toMatch(/migrations applied/);
    const second = await run();
    expect(second.stdout).toMatch(/no pending migrations/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number; distinct: number }>(
        'select count(*)::int as n, count(distinct name)::int as distinct from mikro_orm_migrations',
      );
      expect(rows[0]!.n).toBeGreaterThan(0);
      expect(rows[0]!.n).toBe(rows[0]!.distinct);
      // Only the schema: no administrator yet, that is the first replica's job.
      expect((await client.query('select 1 from app_user')).rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
