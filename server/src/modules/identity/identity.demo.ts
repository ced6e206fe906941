import type { DemoSeedContext } from '../../core/module';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from '../../demo/demo-users';
import { MemberUnit } from './member-unit.entity';
import { hashPassword } from './password';
import { User } from './user.entity';

/** A seeded person, as later demo seeds refer to them. */
export interface DemoPerson {
  id: string;
  displayName: string;
}

declare module '../../core/module' {
  interface DemoCast {
    /** Demo users by username (demo/demo-users.ts). */
    people: ReadonlyMap<string, DemoPerson>;
    /** Member units' ids by code. */
    units: ReadonlyMap<string, string>;
  }
}

/** Demo mode only: the member units and one user per role, all with the demo password. */
export async function seedIdentityDemo({ em }: DemoSeedContext) {
  const units = new Map<string, MemberUnit>();
  for (const unit of DEMO_UNITS) {
    const created = em.create(MemberUnit, { code: unit.code, name: unit.name });
    units.set(unit.code, created);
    em.persist(created);
  }
  await em.flush(); // users refer to units by id, so units go in first
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = new Map<string, DemoPerson>();
  for (const user of DEMO_USERS) {
    const created = em.create(User, {
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      passwordHash,
      unitId: user.unit ? units.get(user.unit)!.id : null,
    });
    em.persist(created);
    people.set(user.username, created);
  }
  await em.flush();
  return {
    people: new Map([...people].map(([username, u]) => [username, { id: u.id, displayName: u.displayName }])),
    units: new Map([...units].map(([code, u]) => [code, u.id])),
  };
}
