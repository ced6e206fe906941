import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/core/database/embedded-postgres';
import { createLogger } from '../../server/src/core/logger';
import { tempDataDir } from './database';
import { freePort } from './server-process';
import { startTestApp, type TestApp } from './test-app';

export interface AppOnOwnPostgres {
  /** The test's own PostgreSQL, which it may stop and start under the running server. */
  database: EmbeddedDatabase;
  /** A seeded server on that database. */
  t: TestApp;
  close(): Promise<void>;
}

/**
 * A seeded test server on a PostgreSQL of the test's own (embedded), for the outage drills:
 * stopping the machine's shared server would break every other test running beside it.
 */
export async function startAppOnOwnPostgres(name: string): Promise<AppOnOwnPostgres> {
  const database = await startEmbeddedPostgres({
    dir: tempDataDir(),
    port: await freePort(),
    database: name,
    logger: createLogger('warn', `${name}-pg`),
  });
  const t = await startTestApp({ databaseUrl: database.url, seed: true }).catch(async (error: unknown) => {
    await database.stop().catch(() => undefined);
    throw error;
  });
  return {
    database,
    t,
    async close() {
      await t.close().catch(() => undefined);
      await database.stop().catch(() => undefined);
    },
  };
}
