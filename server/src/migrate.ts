import 'reflect-metadata';
import { ConfigError, loadConfig } from './core/config';
import { migrate, openOrm } from './core/database/orm';
import { createLogger } from './core/logger';
import { createModules } from './modules';

/**
 * Applies pending migrations to DATABASE_URL and exits: the migration step a deployment runs
 * once before rolling out new replicas (deploy/kubernetes/migrate-job.yaml). Replicas also
 * migrate at start-up under the same advisory lock, so running both is safe.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  if (!config.databaseUrl) {
    console.error('DATABASE_URL: required for the migration step (it never starts an embedded PostgreSQL).');
    process.exit(2);
  }
  const logger = createLogger(config.logLevel, 'migrate');
  const modules = createModules({ sessionTtlMs: config.sessionTtlMs });
  const orm = await openOrm({ url: config.databaseUrl, entities: modules.entities, migrations: modules.migrations, logger });
  try {
    const applied = await migrate(orm, config.databaseUrl);
    logger.info({ applied }, applied.length ? `${applied.length} migrations applied` : 'no pending migrations');
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
