import { mayUse, type OperationName } from '@cc/shared';
import type { Context, Viewer } from '../context';
import { forbidden, isDomainError, unauthenticated } from '../errors';
import { openEventStream } from './event-stream';
import type { ChangeKind, EventRecord, TopicName } from './topics';

/** One committed change as every `…Changed` subscription delivers it; `record` is re-read as it is now. */
export interface Change<R> {
  position: bigint;
  kind: ChangeKind;
  committedAt: Date;
  record: R;
}

export interface LiveChangesOptions<T extends TopicName> {
  /** The subscription's name in the policy table (shared/src/policy.ts), checked when it opens. */
  operation: OperationName;
  topic: T;
  /**
   * Record-level visibility from the event alone (no read), e.g. a unit liaison sees only their
   * unit's orders. Events it refuses never reach this subscriber. Everything when omitted.
   */
  canSee?(viewer: Viewer, event: EventRecord<T>): boolean;
}

/**
 * The record as it is now, for this viewer: null when it no longer exists or is not theirs, and
 * the change is skipped for them. Anything else must throw, above all a database that cannot be
 * reached: the shared execution retries that (and ends the subscription if it persists, so the
 * console resumes), where a null would drop the change for every console.
 */
export type ReRead<T extends TopicName, R> = (event: EventRecord<T>) => Promise<R | null>;

/**
 * The policy table, applied where type-graphql's auth checker does not reach: a subscription's
 * `subscribe` runs before any resolver. The session's expiry is read on the context's clock,
 * the same clock the auth checker (core/graphql/auth-checker.ts) uses.
 */
export function assertMayUse(ctx: Context, operation: OperationName): Viewer {
  const viewer = ctx.viewer;
  if (!viewer || viewer.sessionExpiresAt.getTime() <= ctx.clock.now().getTime()) throw unauthenticated();
  if (!mayUse(operation, viewer.roles)) throw forbidden();
  return viewer;
}

/**
 * A "re-read" that turns NOT_FOUND (missing, or not visible to the viewer) into null and lets
 * every other failure through: for services whose `get` throws notFound instead of returning null.
 */
export async function nullIfNotFound<R>(read: Promise<R>): Promise<R | null> {
  try {
    return await read;
  } catch (error) {
    if (isDomainError(error) && error.extensions['code'] === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * A `…Changed` subscription in one place: `subscribe` (authorize, then every committed change of
 * the topic after `after`, replayed, then live, filtered by `canSee`) and `resolve` (re-read the
 * record; null skips). The subscribe half is static (decorators run before any instance exists),
 * the re-read is the resolver's, with its service:
 *
 *   const incidentChanges = liveChanges({ operation: 'incidentChanged', topic: INCIDENT_TOPIC });
 *   @Subscription(() => IncidentChangeType, { nullable: true, subscribe: incidentChanges.subscribe })
 *   incidentChanged(@Root() event, @Ctx() ctx, @Arg('after', …) _after) {
 *     return incidentChanges.resolve(event, (e) => this.service.get(ctx.em, e.entityId));
 *   }
 */
export function liveChanges<T extends TopicName>(options: LiveChangesOptions<T>) {
  return {
    subscribe: ({ context, args }: { context: Context; args: { after?: bigint | null } }) => {
      const viewer = assertMayUse(context, options.operation);
      const canSee = options.canSee;
      return openEventStream(context.hub, {
        topics: [options.topic],
        after: args.after,
        filter: canSee ? (event) => canSee(viewer, event) : undefined,
      });
    },
    async resolve<R>(event: EventRecord<T>, reRead: ReRead<T, R>): Promise<Change<R> | null> {
      const record = await reRead(event);
      if (record === null) return null;
      return { position: event.position, kind: event.kind, committedAt: event.committedAt, record };
    },
  };
}
