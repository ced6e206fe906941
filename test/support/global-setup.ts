import type { TestProject } from 'vitest/node';
import { createLogger } from '../../server/src/core/logger';
import { startEmbeddedPostgres } from '../../server/src/core/database/embedded-postgres';
import { LOCAL_ADMIN_URL, reachable, tempDataDir } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * Real PostgreSQL for every test: this machine's server when it answers, otherwise an
 * embedded one started here (a fresh machine has none running).
 */
export default async function setup(project: TestProject) {
  if (await reachable(LOCAL_ADMIN_URL)) {
    project.provide('pgAdminUrl', LOCAL_ADMIN_URL);
    return;
  }
  const port = 55_000 + Math.floor(Math.random() * 5_000);
  const embedded = await startEmbeddedPostgres({ dir: tempDataDir(), port, database: 'postgres', logger: createLogger('warn', 'test-pg') });
  project.provide('pgAdminUrl', embedded.url);
  return async () => embedded.stop();
}
