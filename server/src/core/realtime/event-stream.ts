import { domainError } from '../errors';
import type { EventHub } from './event-hub';
import type { EventRecord, TopicName } from './topics';

export interface StreamOptions<T extends TopicName> {
  topics: readonly T[];
  /** The last position the client saw; omitted or null means "from now on". */
  after?: bigint | null | undefined;
  /** Record-level visibility and the subscription's own arguments (e.g. one incident). */
  filter?: (event: EventRecord<T>) => boolean;
  /**
   * A consumer more than this many events behind for a second (or four times as many at any
   * moment) is cut off; it catches up on reconnect.
   */
  maxQueued?: number;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
}

const DONE = { done: true, value: undefined } as const;

/**
 * A stream that can say it holds nothing undelivered. Shared execution moves a subscriber
 * that has caught up onto its group's broadcast at exactly that point (shared-execution.ts).
 */
export interface CatchUpAware {
  /** The position handed out last, when no replay is left and nothing is queued; otherwise undefined. */
  caughtUp(): bigint | undefined;
}

/**
 * How long a consumer may stay more than maxQueued events behind. A burst of commits arrives
 * in one outbox read and is queued to every stream at once, before any consumer can take one:
 * a healthy console is momentarily behind by the whole burst and catches up within
 * milliseconds. Only one that stays behind has fallen behind.
 */
const BEHIND_GRACE_MS = 1_000;

/**
 * Opens a subscriber's stream, first refusing a resume position older than the server keeps:
 * that client gets RESUME_TOO_OLD (and reloads) instead of a silent gap.
 */
export async function openEventStream<T extends TopicName>(
  hub: EventHub,
  options: StreamOptions<T>,
): Promise<AsyncIterableIterator<EventRecord<T>> & CatchUpAware> {
  if (options.after != null && options.after < hub.head && options.after < (await hub.prunedThrough())) {
    throw domainError(
      'RESUME_TOO_OLD',
      'The console was disconnected for longer than the server keeps events. Reload to get the current picture.',
      { reason: 'realtime/resume_too_old', after: String(options.after) },
    );
  }
  return eventStream(hub, options);
}

/**
 * A subscriber's view of the outbox: every matching event after `after` (replayed from
 * memory or the database), then live ones, in position order, with no gap and no duplicate.
 *
 * An explicit iterator rather than an async generator, so that `return()` (a client
 * completing, a socket closing) ends a stream that is waiting for its next event at once.
 */
export function eventStream<T extends TopicName>(
  hub: EventHub,
  options: StreamOptions<T>,
): AsyncIterableIterator<EventRecord<T>> & CatchUpAware {
  const topics = new Set<string>(options.topics);
  const accepts = (event: EventRecord): event is EventRecord<T> =>
    topics.has(event.topic) && (options.filter?.(event as EventRecord<T>) ?? true);
  const maxQueued = options.maxQueued ?? hub.maxQueuedPerSubscriber;
  const queue: EventRecord<T>[] = [];
  let waiter: { resolve: (result: IteratorResult<EventRecord<T>>) => void; reject: (error: unknown) => void } | undefined;
  let overflow = false;
  let closed = false;
  let behind: NodeJS.Timeout | undefined;

  // Listen first, then replay up to the head seen now: live events queued meanwhile are
  // above that head, so the two halves meet exactly.
  const unsubscribe = hub.subscribe((event) => {
    if (closed || !accepts(event)) return;
    if (queue.length >= maxQueued * 4) overflow = true;
    else queue.push(event);
    if (queue.length > maxQueued && !behind) {
      behind = setTimeout(() => {
        behind = undefined;
        if (queue.length > maxQueued) overflow = true;
        wakeWaiter();
      }, BEHIND_GRACE_MS);
      behind.unref();
    }
    wakeWaiter();
  });
  let last = hub.head;
  let replay: AsyncGenerator<EventRecord> | undefined;
  // `after: null` is what clients send before they have a position: "from now on", never "from 0".
  const after = options.after ?? undefined;
  if (after !== undefined && after < last) replay = hub.readRange(after, last, topics);
  else if (after !== undefined) last = after;

  function close(): void {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearTimeout(behind);
    queue.length = 0;
    void replay?.return(undefined);
    options.onClose?.();
  }

  function wakeWaiter(): void {
    if (!waiter) return;
    const pending = waiter;
    waiter = undefined;
    try {
      const result = takeQueued();
      if (result) pending.resolve(result);
      else waiter = pending;
    } catch (error) {
      pending.reject(error);
    }
  }

  function takeQueued(): IteratorResult<EventRecord<T>> | undefined {
    if (overflow) {
      close();
      throw domainError('UNAVAILABLE', 'This subscription fell too far behind and was stopped; reconnect to catch up.', {
        reason: 'realtime/slow_consumer',
      });
    }
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (next.position <= last) continue;
      last = next.position;
      return { done: false, value: next };
    }
    return undefined;
  }

  async function nextReplayed(): Promise<IteratorResult<EventRecord<T>> | undefined> {
    while (replay && !closed) {
      const step = await replay.next();
      if (step.done) {
        replay = undefined;
        return undefined;
      }
      if (accepts(step.value)) return { done: false, value: step.value };
    }
    return undefined;
  }

  const iterator: AsyncIterableIterator<EventRecord<T>> & CatchUpAware = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    caughtUp() {
      return closed || overflow || replay || queue.length > 0 ? undefined : last;
    },
    async next() {
      if (closed) return DONE;
      try {
        const replayed = await nextReplayed();
        if (replayed) return replayed;
        const queued = takeQueued();
        if (queued) return queued;
      } catch (error) {
        close();
        throw error;
      }
      if (closed) return DONE;
      return new Promise((resolve, reject) => (waiter = { resolve, reject }));
    },
    async return() {
      const pending = waiter;
      waiter = undefined;
      close();
      pending?.resolve(DONE);
      return DONE;
    },
    async throw(error?: unknown) {
      close();
      throw error;
    },
  };
  return iterator;
}
