import { createApp } from './app';
import { ConfigError, loadConfig } from './core/config';
import { ADVISORY_LOCKS } from './core/database/advisory-locks';
import { withStartupLock } from './core/database/orm';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './core/database/embedded-postgres';
import { createLogger } from './core/logger';
import { seedDemo } from './demo/seed';

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
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dir: config.embeddedPg.dir,
      port: config.embeddedPg.port,
      database: 'command_centre',
      logger,
    });
    databaseUrl = embedded.url;
    logger.info({ port: config.embeddedPg.port, dir: config.embeddedPg.dir }, 'embedded PostgreSQL running');
  }
  const app = await createApp({ config, logger, databaseUrl });
  // Under a lock: two replicas starting together on an empty database would both see no users and both seed.
  if (config.demoMode)
    await withStartupLock(databaseUrl, ADVISORY_LOCKS.demoSeed, () => seedDemo(app.orm.em.fork(), logger, app.modules.list));
  // Production first run: the first administrator comes from ADMIN_USERNAME/ADMIN_PASSWORD (config refuses to start without them).
  else if (config.firstAdmin) await app.modules.identity.users.ensureFirstAdmin(app.orm.em.fork(), config.firstAdmin, logger);
  const url = await app.listen();
  logger.info({ url, console: app.consoleServed, demo: config.demoMode }, `command centre listening on ${url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
