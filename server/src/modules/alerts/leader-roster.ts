import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@cc/shared';

/** What alerts need to know about people; identity's UserService provides it. */
export interface PeopleDirectory {
  list(em: EntityManager): Promise<readonly { id: string; username: string; roles: readonly Role[]; active: boolean }[]>;
  namesOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, { username: string; displayName: string }>>;
}

/** The order in which critical alerts go round the leaders at `at`: first is who gets a new one. */
export interface LeaderRoster {
  order(em: EntityManager, at: Date): Promise<string[]>;
}

/**
 * Who is on duty at a moment, in escalation order (the duty module's roster: the leader on duty,
 * the backup, the next shift's leader). The alerts module never reads the duty tables.
 */
export interface DutyEscalationPort {
  leadersInEscalationOrder(em: EntityManager, at: Date): Promise<string[]>;
}

/**
 * The escalation order: the people the duty roster names for `at` first (主要领导带班制度), then
 * every other active leader by user name. Without a roster (or with nobody on it), every active
 * leader by user name.
 */
export function dutyRosterFirst(people: PeopleDirectory, duty: DutyEscalationPort | null): LeaderRoster {
  return {
    async order(em, at) {
      const everyone = await people.list(em);
      const active = new Set(everyone.filter((u) => u.active).map((u) => u.id));
      const leaders = everyone
        .filter((u) => u.active && u.roles.includes('LEADER'))
        .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
        .map((u) => u.id);
      const onDuty = duty ? (await duty.leadersInEscalationOrder(em, at)).filter((id) => active.has(id)) : [];
      return [...new Set([...onDuty, ...leaders])];
    },
  };
}
