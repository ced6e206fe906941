import type { ModuleManifest, ModuleMigration } from '../module';
import { Migration0001RealtimeCore } from './migrations/0001-realtime-core';

/** Core's own: the outbox, the event horizon, the audit trail's table. */
const CORE_MIGRATIONS: readonly ModuleMigration[] = [{ name: '0001-realtime-core', class: Migration0001RealtimeCore }];

const NAME = /^(\d{4})-[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Every migration, core's and each module's, in the one global order: by the four-digit number
 * that starts its name. The order does not depend on the order of the module list, so a module
 * that joins later cannot run its tables before those it refers to; a new migration takes the
 * next free number. Two migrations with one number, or a name that is not `NNNN-words`, stop
 * the server before it touches the database. Names are what existing databases recorded as
 * applied: never rename one.
 */
export function migrationsInOrder(modules: readonly Pick<ModuleManifest, 'name' | 'migrations'>[]): ModuleMigration[] {
  const all = [
    ...CORE_MIGRATIONS.map((m) => ({ ...m, owner: 'core' })),
    ...modules.flatMap((mod) => mod.migrations.map((m) => ({ ...m, owner: mod.name }))),
  ];
  const byNumber = new Map<string, string>();
  for (const m of all) {
    const number = NAME.exec(m.name)?.[1];
    if (!number) throw new Error(`Migration “${m.name}” (${m.owner}) must be named NNNN-words, e.g. 0008-permits.`);
    const taken = byNumber.get(number);
    if (taken) throw new Error(`Migrations “${taken}” and “${m.name}” (${m.owner}) share the number ${number}; take the next free one.`);
    byNumber.set(number, m.name);
  }
  return all.sort((a, b) => a.name.localeCompare(b.name)).map(({ name, class: cls }) => ({ name, class: cls }));
}
