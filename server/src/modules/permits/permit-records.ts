import type { EntityManager } from '@mikro-orm/postgresql';
import type { PermitFacts } from '@cc/shared';
import type { ReviewedRequest } from './permit-figures.rules';

/**
 * What the link rules, the alert and the figures read of the permits themselves: the permits
 * module's own records, seen as the plain facts of `@cc/shared`'s permit-links rules.
 */
export interface PermitRecords {
  /** The permits with these ids (any state); unknown ids are left out. */
  facts(em: EntityManager, ids: readonly string[]): Promise<PermitFacts[]>;
  /** Issued permits of this plate (compared normalised) not revoked and not yet ended at `now`. */
  validForPlate(em: EntityManager, plate: string, now: Date): Promise<PermitFacts[]>;
  /** When each request still waiting for review was filed. */
  waiting(em: EntityManager): Promise<{ submittedAt: Date }[]>;
  /** Requests filed, or decided, in [start, end). */
  reviewedBetween(em: EntityManager, range: { start: Date; end: Date }): Promise<ReviewedRequest[]>;
}
