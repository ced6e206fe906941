import type { EntityManager } from '@mikro-orm/postgresql';
import { RESPONSE_LEVEL_NOTE_LIMIT, type ResponseLevel } from '@cc/shared';
import type { Context } from '../../core/context';
import { domainError } from '../../core/errors';
import { commit } from '../../core/unit-of-work';
import { responseLevelChangeProblem } from './directive.rules';
import { ResponseLevelChange } from './response-level.entity';
import { RESPONSE_LEVEL_TOPIC } from './coordination.events';

/** The HQ's response as other modules read it (permit validity, the supply call-up). */
export interface CurrentResponse {
  /** The level now; null when none was ever set. ENDED once the response is over. */
  level: ResponseLevel | null;
  /** Since when the level is in force (for ENDED: when the response ended). */
  since: Date | null;
  /** When the response ended; null while a level is in force (or none was ever set). */
  endedAt: Date | null;
  /** The latest change, with who set it and why. */
  change: ResponseLevelChange | null;
}

/**
 * The HQ's emergency response level (一级响应 … 响应结束), set by a leader. Kept as an append-only
 * history: the current level is the latest change. Other modules read it through `current` and
 * `endedAt`, never the table (ADR 0019).
 */
export class ResponseLevelService {
  async current(em: EntityManager): Promise<CurrentResponse> {
    const [change] = await em.find(ResponseLevelChange, {}, { orderBy: { effectiveAt: 'desc', id: 'desc' }, limit: 1 });
    if (!change) return { level: null, since: null, endedAt: null, change: null };
    return {
      level: change.level,
      since: change.effectiveAt,
      endedAt: change.level === 'ENDED' ? change.effectiveAt : null,
      change,
    };
  }

  /** When the response ended (响应结束), or null while one is in force: permits and the call-up end with it. */
  async endedAt(em: EntityManager): Promise<Date | null> {
    return (await this.current(em)).endedAt;
  }

  /** Newest first. */
  async history(em: EntityManager, first: number): Promise<ResponseLevelChange[]> {
    return em.find(ResponseLevelChange, {}, { orderBy: { effectiveAt: 'desc', id: 'desc' }, limit: Math.min(Math.max(first, 1), 200) });
  }

  async get(em: EntityManager, id: string): Promise<ResponseLevelChange | null> {
    return em.findOne(ResponseLevelChange, { id });
  }

  async set(ctx: Context, input: { level: ResponseLevel; note?: string | null }): Promise<ResponseLevelChange> {
    return commit(ctx, 'setResponseLevel', input, async (tx) => {
      // One change at a time: two leaders setting the level at once are serialized here, so the second sees the first.
      await tx.em.execute(`select pg_advisory_xact_lock(hashtext('response_level_change'))`);
      const note = (input.note ?? '').trim();
      if (note.length > RESPONSE_LEVEL_NOTE_LIMIT)
        throw domainError('BAD_USER_INPUT', `Keep the note to ${RESPONSE_LEVEL_NOTE_LIMIT} characters.`, { field: 'note' });
      const current = await this.current(tx.em);
      const problem = responseLevelChangeProblem(current.level, input.level);
      if (problem === 'UNCHANGED')
        throw domainError('CONFLICT', `The response level is already ${input.level}.`, { reason: 'response_level/unchanged' });
      if (problem === 'NOTHING_TO_END')
        throw domainError('CONFLICT', 'No response level has been set, so there is no response to end.', {
          reason: 'response_level/nothing_to_end',
        });
      // The history is ordered by time alone: a change takes effect strictly after the one it follows
      // (a millisecond later when two come within the same one), so "the latest" is never a tie.
      const effectiveAt = current.since && current.since.getTime() >= tx.now.getTime() ? new Date(current.since.getTime() + 1) : tx.now;
      const change = tx.em.create(ResponseLevelChange, {
        level: input.level,
        effectiveAt,
        note,
        setById: tx.viewer?.userId ?? null,
        setByName: tx.viewer?.displayName ?? '',
      });
      tx.emit({
        topic: RESPONSE_LEVEL_TOPIC,
        entityType: 'ResponseLevelChange',
        entityId: change.id,
        kind: 'CREATED',
        payload: { level: input.level },
      });
      return change;
    });
  }
}
