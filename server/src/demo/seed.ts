import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../core/logger';
import type { DemoCast, ModuleManifest } from '../core/module';
import { User } from '../modules/identity/user.entity';
import { DEMO_USERS } from './demo-users';

/**
 * Fills an empty database with the demo picture: each module's demo seed, in module-list order
 * (server/src/modules/index.ts), each handed what the ones before it seeded. Does nothing if
 * anyone exists already.
 */
export async function seedDemo(em: EntityManager, logger: Logger, modules: readonly ModuleManifest[], now = new Date()): Promise<boolean> {
  if ((await em.count(User)) > 0) return false;
  let cast: Partial<DemoCast> = {};
  for (const module of modules) {
    if (!module.demoSeed) continue;
    const handed = await module.demoSeed({ em, logger, now, cast });
    if (handed) cast = { ...cast, ...handed };
  }
  logger.info({ users: DEMO_USERS.length }, 'demo data seeded');
  return true;
}
