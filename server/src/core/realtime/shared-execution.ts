import { createHash } from 'node:crypto';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  Kind,
  print,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { Context } from '../context';
import { isUnavailable } from '../database/unavailable';
import { domainError } from '../errors';
import { DEFAULT_WRITE_SHARE, DeliveryRounds } from './delivery-rounds';
import type { CatchUpAware } from './event-stream';
import { LiveBroadcast, LiveMember, type DirectSink } from './live-broadcast';
import type { EventRecord } from './topics';

export type { DirectSink } from './live-broadcast';

/** The argument every subscription takes to resume; it does not change what an event looks like. */
const RESUME_ARGUMENT = 'after';

/** The JSON of each shared result, serialised once per group and event, written into every member's message. */
const serialized = new WeakMap<object, Buffer>();

const MESSAGE_END = Buffer.from('}');

/**
 * Where a member's results can be written directly: its socket and its subscription id. A
 * result every member of the group shares is then framed as a graphql-transport-ws "next"
 * message from bytes serialised once (`prefix` + shared JSON + `}`) and written at once, the
 * way a plain broadcast would be, instead of passing through graphql-ws's per-subscriber
 * iteration, hooks and serialisation. Results with errors still go through graphql-ws (which
 * formats them).
 */
export function directSink(id: string, writes: Pick<DirectSink, 'send' | 'sendFramed'>): DirectSink {
  return { id, prefix: Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`), ...writes };
}

/** Waits before re-running an event whose re-read met an unreachable database. */
const RETRY_DELAYS_MS = [200, 1_000, 3_000];

/** How many recent executions a group remembers, so members a little behind reuse them. */
const MEMO_SIZE = 256;

/** How many events a member takes from its source ahead of delivery, their executions running meanwhile. */
const LOOKAHEAD = 16;

export interface SharedExecutionStats {
  groups: number;
  members: number;
  /** Members that have caught up and receive their group's broadcast. */
  live: number;
  executions: number;
  reused: number;
}

interface Group {
  key: string;
  members: number;
  memo: Map<bigint, Promise<ExecutionResult | null>>;
  /** The group's own feed of live events; members join it once they have caught up. */
  broadcast?: LiveBroadcast;
  /** True while the broadcast's source is being opened. */
  opening: boolean;
}

/**
 * Subscription execution shared by everyone who asked the same thing with the same rights.
 *
 * Each subscriber keeps its own source stream (its own resume position and replay), but an
 * event is executed once per group — same document, same variables apart from `after`, same
 * scope — and every member receives that one result object (ADR 0004).
 * graphql-js alone would execute the whole document once per socket per event.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, Group>();
  readonly stats: SharedExecutionStats = { groups: 0, members: 0, live: 0, executions: 0, reused: 0 };

  constructor(
    /** A fresh context for one event's execution: same viewer, a new EntityManager fork. */
    private readonly contextForEvent: (template: Context) => Context,
    /** The part of a viewer that decides what they may see (roles and unit). */
    private readonly scopeOf: (context: Context) => string,
    /** Paces the broadcasts' writes (delivery-rounds.ts); one per process. */
    readonly rounds: DeliveryRounds = new DeliveryRounds({ writeShare: DEFAULT_WRITE_SHARE }),
  ) {}

  get activeGroups(): number {
    return this.groups.size;
  }

  subscribe = async (args: ExecutionArgs, sink?: DirectSink): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const template = args.contextValue as Context;
    const key = groupKey(args, this.scopeOf(template));
    const group = this.join(key);
    this.openBroadcast(group, args);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.leave(group);
    };
    const iterator = source[Symbol.asyncIterator]() as AsyncIterator<EventRecord> & Partial<CatchUpAware>;
    // Once caught up, the member leaves its own stream for the group's broadcast (live-broadcast.ts).
    let live: LiveMember | undefined;
    const caughtUp = () => (group.broadcast ? iterator.caughtUp?.() : undefined);

    // Events are taken from the source ahead of delivery and their executions started at once,
    // so the re-reads of a burst overlap instead of waiting for each other: the first member to
    // take an event starts its execution, the others find it in the group's memo.
    const ahead: Promise<ExecutionResult | null>[] = [];
    let ended: { error?: unknown } | undefined;
    let filling = false;
    let wake: (() => void) | undefined;
    const fill = () => {
      if (!filling && !ended && ahead.length < LOOKAHEAD) void fillUp();
    };
    const fillUp = async () => {
      filling = true;
      try {
        // A caught-up stream is not read further: the member is about to go live.
        while (!ended && ahead.length < LOOKAHEAD && caughtUp() === undefined) {
          let step: IteratorResult<EventRecord>;
          try {
            step = await iterator.next();
          } catch (error) {
            ended = { error };
            break;
          }
          if (step.done) {
            ended = {};
            break;
          }
          // executeOnce handles a failed execution's rejection; the failure reaches the consumer in its turn.
          ahead.push(this.executeOnce(group, step.value, args, template));
          wake?.();
        }
      } finally {
        filling = false;
        wake?.();
      }
    };

    /**
     * Joins the broadcast when everything this member took has been delivered and its stream
     * holds nothing more: from here the broadcast has every later event and this member none.
     */
    const goLive = (): boolean => {
      const broadcast = group.broadcast;
      const at = caughtUp();
      if (!broadcast || at === undefined || filling || ahead.length > 0 || ended) return false;
      live = new LiveMember(at, sink, () => {
        broadcast.members.delete(live!);
        this.stats.live--;
        release();
      });
      broadcast.members.add(live);
      this.stats.live++;
      ended = {};
      void iterator.return?.();
      return true;
    };

    const results: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => results,
      next: async () => {
        for (;;) {
          if (live) return live.next();
          const running = ahead.shift();
          if (!running) {
            if (goLive()) continue;
            if (ended) {
              release();
              if (ended.error !== undefined) throw ended.error;
              return { done: true, value: undefined };
            }
            const woken = new Promise<void>((resolve) => (wake = resolve));
            fill();
            await woken;
            wake = undefined;
            continue;
          }
          fill();
          let result: ExecutionResult | null;
          try {
            result = await running;
          } catch (error) {
            // for-await does not call return() when next() throws: close the source here.
            release();
            ended ??= { error };
            await iterator.return?.();
            throw error;
          }
          if (!result) continue;
          const json = sink && serialized.get(result);
          if (!json) return { done: false, value: result };
          sink!.send(Buffer.concat([sink!.prefix, json, MESSAGE_END], sink!.prefix.length + json.length + 1));
        }
      },
      return: async () => {
        if (live) {
          live.end();
          return { done: true, value: undefined };
        }
        release();
        ended ??= {};
        await iterator.return?.();
        wake?.();
        return { done: true, value: undefined };
      },
      throw: async (error) => {
        if (live) {
          live.end();
          throw error;
        }
        release();
        ended ??= { error };
        await iterator.return?.();
        wake?.();
        throw error;
      },
    };
    return results;
  };

  /**
   * Opens the group's broadcast: its own source of the subscription "from now on" (the resume
   * argument removed), read once for every live member. Members that joined before it opened
   * stay on their own streams until they are next caught up.
   */
  private openBroadcast(group: Group, args: ExecutionArgs): void {
    if (group.broadcast || group.opening) return;
    group.opening = true;
    const template = args.contextValue as Context;
    void createSourceEventStream({ ...args, document: withoutResumeArgument(args.document, args.operationName).document })
      .then((source) => {
        group.opening = false;
        if (!isAsyncIterable(source)) return;
        const iterator = source[Symbol.asyncIterator]() as AsyncIterator<EventRecord> & Partial<CatchUpAware>;
        // Only an outbox stream can say when a member has caught up with it.
        if (group.members === 0 || typeof iterator.caughtUp !== 'function') {
          void iterator.return?.();
          return;
        }
        const broadcast: LiveBroadcast = new LiveBroadcast({
          rounds: this.rounds,
          source: iterator,
          execute: (event) => this.executeOnce(group, event, args, template),
          serializedOf: (result) => serialized.get(result),
          onBroken: () => {
            if (group.broadcast !== broadcast) return;
            group.broadcast = undefined;
            // The members failed; the next subscriber of this group opens a new broadcast.
          },
        });
        group.broadcast = broadcast;
      })
      .catch(() => {
        // Not allowed or not available now: members keep their own streams.
        group.opening = false;
      });
  }

  private executeOnce(group: Group, event: EventRecord, args: ExecutionArgs, template: Context): Promise<ExecutionResult | null> {
    const cached = group.memo.get(event.position);
    if (cached) {
      this.stats.reused++;
      return cached;
    }
    this.stats.executions++;
    const run = () => Promise.resolve(execute({ ...args, rootValue: event, contextValue: this.contextForEvent(template) }));
    const running = retryWhileUnavailable(run).then((result) => {
      if (isSkipped(result)) return null;
      if (!result.errors) serialized.set(result, Buffer.from(JSON.stringify(result)));
      return result;
    });
    // A failure is not remembered: the next member (or the resumed one) executes afresh.
    running.catch(() => group.memo.delete(event.position));
    group.memo.set(event.position, running);
    if (group.memo.size > MEMO_SIZE) group.memo.delete(group.memo.keys().next().value as bigint);
    return running;
  }

  private join(key: string): Group {
    let group = this.groups.get(key);
    if (!group) {
      group = { key, members: 0, memo: new Map(), opening: false };
      this.groups.set(key, group);
      this.stats.groups = this.groups.size;
    }
    group.members++;
    this.stats.members++;
    return group;
  }

  private leave(group: Group): void {
    group.members--;
    this.stats.members--;
    if (group.members === 0) {
      this.groups.delete(group.key);
      this.stats.groups = this.groups.size;
      void group.broadcast?.close();
      group.broadcast = undefined;
    }
  }
}

/**
 * Runs an event's execution again while the database is unreachable. If it still is, the
 * subscription ends with UNAVAILABLE instead of delivering an error in place of the change:
 * the console resumes after its last position and the event is replayed, not lost.
 */
async function retryWhileUnavailable(run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
  let result = await run();
  for (const delay of RETRY_DELAYS_MS) {
    if (!hasUnavailableError(result)) return result;
    await new Promise((resolve) => setTimeout(resolve, delay));
    result = await run();
  }
  if (!hasUnavailableError(result)) return result;
  throw domainError('UNAVAILABLE', 'The database could not be read for this update. Reconnecting resumes from the last update received.', {
    reason: 'realtime/read_failed',
    retryable: true,
  });
}

function hasUnavailableError(result: ExecutionResult): boolean {
  return result.errors?.some((error) => isUnavailable(error.originalError)) ?? false;
}

/** A subscription whose root field resolved to null (not visible to this scope) sends nothing. */
function isSkipped(result: ExecutionResult): boolean {
  if (result.errors?.length || !result.data) return false;
  return Object.values(result.data).every((value) => value === null);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Same group when the operation, its variables (bar the resume position) and the scope match. */
export function groupKey(args: ExecutionArgs, scope: string): string {
  const { document, resumeVariables } = withoutResumeArgument(args.document, args.operationName);
  const variables = Object.entries(args.variableValues ?? {})
    .filter(([name]) => !resumeVariables.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha1').update(print(document)).update(JSON.stringify(variables)).update(scope).digest('base64url');
}

/** The operation (and its fragments) with every `after` argument removed, and the variables those used. */
function withoutResumeArgument(document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName);
  const resumeVariables = new Set<string>();
  const stripped = visit(operation ? { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsOf(document)] } : document, {
    Argument(node) {
      if (node.name.value !== RESUME_ARGUMENT) return undefined;
      if (node.value.kind === Kind.VARIABLE) resumeVariables.add(node.value.name.value);
      return null;
    },
  });
  return { document: stripped, resumeVariables };
}

function fragmentsOf(document: DocumentNode) {
  return document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
}
