import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase, LOCAL_ADMIN_URL } from '../support/database';
import { startServerProcess, type ServerProcess } from '../support/server-process';

/**
 * Two replicas started at the same moment on an empty database (the first deploy of a
 * two-replica compose file): both must come up, each migration applied exactly once, and the
 * start-up writes (demo seed, first administrator) done by one of them only.
 */
describe('two servers started at the same moment on an empty database', () => {
  const names: string[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    for (const name of names) await dropDatabase(LOCAL_ADMIN_URL, name);
  });

  async function startPair(env: Record<string, string>): Promise<string> {
    const name = `cc_test_${randomUUID().replaceAll('-', '')}`;
    names.push(name);
    const url = await createDatabase(LOCAL_ADMIN_URL, name);
    const started = await Promise.allSettled([startServerProcess(url, { env }), startServerProcess(url, { env })]);
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    const failures = started.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    for (const server of servers.slice(-2)) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    return url;
  }

  async function rows(url: string, sql: string): Promise<Record<string, unknown>[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  }

  it('both become ready in demo mode, each migration applied once and the demo seeded once', async () => {
    const url = await startPair({ DEMO_MODE: 'true' });
    const migrations = await rows(url, 'select name, count(*)::int as n from mikro_orm_migrations group by name');
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.filter((m) => m.n !== 1)).toEqual([]);
    const users = await rows(url, 'select username, count(*)::int as n from app_user group by username');
    expect(users.filter((u) => u.n !== 1)).toEqual([]);
  });

  it('both become ready in production mode, and there is one first administrator', async () => {
    const url = await startPair({ DEMO_MODE: 'false', ADMIN_USERNAME: 'first-admin', ADMIN_PASSWORD: 'a-long-enough-password-1' });
    const migrations = await rows(url, 'select name, count(*)::int as n from mikro_orm_migrations group by name');
    expect(migrations.filter((m) => m.n !== 1)).toEqual([]);
    const admins = await rows(url, `select count(*)::int as n from app_user where username = 'first-admin'`);
    expect(admins[0]!.n).toBe(1);
  });
});
