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
import type { EventRecord } from './topics';

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
export interface DirectSink {
  /** `{"id":<id>,"type":"next","payload":` as bytes. */
  prefix: Buffer;
  send(message: Buffer): void;
}

export function directSink(id: string, send: (message: Buffer) => void): DirectSink {
  return { prefix: Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`), send };
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
  executions: number;
  reused: number;
}

interface Group {
  key: string;
  members: number;
  memo: Map<bigint, Promise<ExecutionResult | null>>;
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
  readonly stats: SharedExecutionStats = { groups: 0, members: 0, executions: 0, reused: 0 };

  constructor(
    /** A fresh context for one event's execution: same viewer, a new EntityManager fork. */
    private readonly contextForEvent: (template: Context) => Context,
    /** The part of a viewer that decides what they may see (roles and unit). */
    private readonly scopeOf: (context: Context) => string,
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
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.leave(group);
    };
    const iterator = source[Symbol.asyncIterator]() as AsyncIterator<EventRecord>;

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
        while (!ended && ahead.length < LOOKAHEAD) {
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

    const results: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => results,
      next: async () => {
        for (;;) {
          const running = ahead.shift();
          if (!running) {
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
        release();
        ended ??= {};
        await iterator.return?.();
        wake?.();
        return { done: true, value: undefined };
      },
      throw: async (error) => {
        release();
        ended ??= { error };
        await iterator.return?.();
        wake?.();
        throw error;
      },
    };
    return results;
  };

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
      group = { key, members: 0, memo: new Map() };
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
  const operation = getOperationAST(args.document, args.operationName);
  const resumeVariables = new Set<string>();
  const stripped = visit(operation ? { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsOf(args.document)] } : args.document, {
    Argument(node) {
      if (node.name.value !== RESUME_ARGUMENT) return undefined;
      if (node.value.kind === Kind.VARIABLE) resumeVariables.add(node.value.name.value);
      return null;
    },
  });
  const variables = Object.entries(args.variableValues ?? {})
    .filter(([name]) => !resumeVariables.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha1').update(print(stripped)).update(JSON.stringify(variables)).update(scope).digest('base64url');
}

function fragmentsOf(document: DocumentNode) {
  return document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
}
