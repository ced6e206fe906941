/**
 * The typed topic map. Each module adds its topics by declaration merging in its `*.events.ts`:
 *
 *   declare module '../../core/realtime/topics' {
 *     interface Topics { incident: IncidentEventPayload }
 *   }
 *
 * so publishing a payload of the wrong shape does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Topics {}

export type TopicName = keyof Topics & string;

export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

/** What a module emits inside a unit of work; the outbox adds position, actor and commit time. */
export interface EmittedEvent<T extends TopicName = TopicName> {
  topic: T;
  entityType: string;
  entityId: string;
  kind: ChangeKind;
  payload: Topics[T];
}

/** An event as stored in the outbox and delivered to subscribers. */
export interface EventRecord<T extends TopicName = TopicName> extends EmittedEvent<T> {
  /** Monotonic, assigned in commit order; a string because it is a bigint. */
  position: bigint;
  actorId: string | null;
  committedAt: Date;
}
