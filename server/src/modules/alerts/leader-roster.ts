import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@cc/shared';

/** What alerts need to know about people; identity's UserService provides it. */
export interface PeopleDirectory {
  list(em: EntityManager): Promise<readonly { id: string; username: string; roles: readonly Role[]; active: boolean }[]>;
  namesOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, { username: string; displayName: string }>>;
}

/** The order in which critical alerts go round the leaders: first is who gets a new one. */
export interface LeaderRoster {
  order(em: EntityManager): Promise<string[]>;
}

/**
 * Until the duty roster exists (带班领导 per shift), the order is every active leader by user
 * name. The duty module will supply a roster that puts the leader on duty now first.
 */
export function leadersByUsername(people: PeopleDirectory): LeaderRoster {
  return {
    async order(em) {
      const everyone = await people.list(em);
      return everyone
        .filter((u) => u.active && u.roles.includes('LEADER'))
        .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
        .map((u) => u.id);
    },
  };
}
