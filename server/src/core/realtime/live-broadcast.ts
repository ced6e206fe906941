import type { ExecutionResult } from 'graphql';
import { domainError } from '../errors';
import type { DeliveryRounds } from './delivery-rounds';
import type { EventRecord } from './topics';
import { textFrames } from './ws-frames';

/** Where a member's shared results can be written directly (see shared-execution.ts). */
export interface DirectSink {
  /** The subscription id: members with the same id share one framed message. */
  id: string;
  /** `{"id":<id>,"type":"next","payload":` as bytes. */
  prefix: Buffer;
  /** One protocol message, framed by ws and sent at the end of this turn. */
  send(message: Buffer): void;
  /** Complete WebSocket frames (textFrames), written to the socket now in one call. */
  sendFramed(frames: Buffer): void;
}

const MESSAGE_END = Buffer.from('}');

/** The graphql-transport-ws "next" messages of these serialised results for one sink, as frames in one buffer. */
function framedMessages(sink: DirectSink, jsons: readonly Buffer[]): Buffer {
  return textFrames(jsons.map((json) => Buffer.concat([sink.prefix, json, MESSAGE_END], sink.prefix.length + json.length + 1)));
}

/** How many results a live member may hold that graphql-ws has not taken yet before it is cut off. */
const MAX_PENDING = 1_000;

/** How many events the broadcast executes ahead of the one it is delivering. */
const LOOKAHEAD = 16;

type Settle = { resolve: (result: IteratorResult<ExecutionResult>) => void; reject: (error: unknown) => void };

/**
 * A subscriber that has caught up and now receives its group's events from the group's one
 * broadcast, the way a plain `ws` broadcast writes to every socket in one loop, instead of
 * through a stream, a queue and a promise chain of its own.
 *
 * graphql-ws keeps asking it for its next result. Shared results are written straight to the
 * socket while graphql-ws waits (nothing of this member's is then in flight, so the order
 * holds); anything else (a result with errors, a member without a socket) is handed to
 * graphql-ws as its next result.
 */
export class LiveMember {
  private readonly pending: ExecutionResult[] = [];
  private waiter: Settle | undefined;
  private failure: { error: unknown } | undefined;
  private finished = false;
  /**
   * True until the broadcast passes this member's position: until then it may hold events the
   * member already had. The broadcast is in order, so after that no position needs comparing.
   */
  joining = true;

  constructor(
    /** Position of the last event this member had before joining; the broadcast skips anything at or below it. */
    readonly last: bigint,
    readonly sink: DirectSink | undefined,
    private readonly onEnd: () => void,
  ) {}

  /** graphql-ws's request for the next result. */
  next(): Promise<IteratorResult<ExecutionResult>> {
    const queued = this.pending.shift();
    if (queued) return Promise.resolve({ done: false, value: queued });
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.finished) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  /** The subscriber completed or its socket closed. */
  end(): void {
    if (this.finished) return;
    this.finished = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve({ done: true, value: undefined });
    this.onEnd();
  }

  /** Ends the subscription with an error (the client resumes after its last position). */
  fail(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = { error };
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(error);
    this.onEnd();
  }

  /** True when a shared result may be written to the socket now without overtaking anything. */
  get writable(): boolean {
    return this.sink !== undefined && this.waiter !== undefined && this.pending.length === 0;
  }

  /** Hands a result to graphql-ws (in order behind anything it has not taken yet). */
  offer(result: ExecutionResult): void {
    const waiter = this.waiter;
    if (waiter && this.pending.length === 0) {
      this.waiter = undefined;
      waiter.resolve({ done: false, value: result });
      return;
    }
    if (this.pending.length >= MAX_PENDING) {
      this.fail(
        domainError('UNAVAILABLE', 'This subscription fell too far behind and was stopped; reconnect to catch up.', {
          reason: 'realtime/slow_consumer',
        }),
      );
      return;
    }
    this.pending.push(result);
  }
}

export interface BroadcastOptions {
  /** Paces the writes of every broadcast of the process into rounds. */
  rounds: DeliveryRounds;
  /** The group's own source: every event of its subscription from the moment it was opened. */
  source: AsyncIterator<EventRecord>;
  /** The group's one execution of an event (memoised; null when the scope may not see it). */
  execute(event: EventRecord): Promise<ExecutionResult | null>;
  /** The JSON serialised once for a shared result, if it has one. */
  serializedOf(result: ExecutionResult): Buffer | undefined;
  /** The source ended or failed: the live members have been failed; the group may open another. */
  onBroken(): void;
}

interface Ready {
  position: bigint;
  result: ExecutionResult | null;
}

/**
 * One group's broadcast: reads the group's source, executes each event once (overlapping
 * the re-reads of a burst) and delivers the results in position order to every live member,
 * in rounds (delivery-rounds.ts): each member gets everything ready for it in one write.
 */
export class LiveBroadcast {
  readonly members = new Set<LiveMember>();
  private closed = false;
  /** Results in position order, waiting for the next round. */
  private ready: Ready[] = [];

  constructor(private readonly options: BroadcastOptions) {
    void this.run();
  }

  /** Stops reading; live members are failed so that they resume (the group is emptying or broken). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.options.source.return?.();
  }

  private async run(): Promise<void> {
    const ahead: Promise<void>[] = [];
    let delivered: Promise<void> = Promise.resolve();
    let failure: unknown;
    try {
      for (;;) {
        const step = await this.options.source.next();
        if (step.done) break;
        const event = step.value;
        const result = this.options.execute(event);
        // Chained: results are delivered in the order of the events, whenever each execution ends.
        delivered = delivered.then(() =>
          result.then(
            (value) => this.deliver(event.position, value),
            (error: unknown) => this.failAll(error),
          ),
        );
        ahead.push(delivered);
        if (ahead.length >= LOOKAHEAD) await ahead.shift();
      }
    } catch (error) {
      failure = error;
    }
    await delivered;
    this.closed = true;
    // What was executed is still delivered before the members are told to resume.
    this.flush();
    this.failAll(
      failure ??
        domainError('UNAVAILABLE', 'The live feed of this subscription was interrupted; reconnect to catch up.', {
          reason: 'realtime/feed_ended',
        }),
    );
    this.options.onBroken();
  }

  private deliver(position: bigint, result: ExecutionResult | null): void {
    if (this.ready.push({ position, result }) === 1) this.options.rounds.request(this.flush);
  }

  /**
   * The round's call. A write that fails part-way must not leave members silently short of an
   * event: they are failed instead and resume from the last position they received.
   */
  private readonly flush = (): number => {
    try {
      return this.deliverReady();
    } catch (error) {
      this.failAll(error);
      return 0;
    }
  };

  /** Writes everything ready to every live member; returns the number of events delivered. */
  private deliverReady(): number {
    const batch = this.ready;
    this.ready = [];
    if (batch.length === 0) return 0;
    // The JSON serialised once per result; undefined for results with errors (graphql-ws formats those).
    const jsons = batch.map(({ result }) => (result ? this.options.serializedOf(result) : undefined));
    const everyResultShared = batch.every(({ result }, i) => !result || jsons[i]);
    const sharedJsons = jsons.filter((json): json is Buffer => json !== undefined);
    // Members that use the same subscription id and take the whole batch share one buffer of frames.
    const framedById = new Map<string, Buffer>();
    for (const member of this.members) {
      let from = 0;
      if (member.joining) {
        while (from < batch.length && batch[from]!.position <= member.last) from++;
        if (from === batch.length) continue;
        member.joining = false;
      }
      const sink = member.sink;
      if (sink && from === 0 && everyResultShared && member.writable) {
        if (sharedJsons.length === 0) continue;
        let framed = framedById.get(sink.id);
        if (!framed) framedById.set(sink.id, (framed = framedMessages(sink, sharedJsons)));
        sink.sendFramed(framed);
      } else this.deliverInTurn(member, batch, jsons, from);
    }
    return batch.length;
  }

  /**
   * One member, one result at a time from `from`: shared results are written straight to the
   * socket while graphql-ws waits with nothing of this member's in flight; from the first result
   * handed to graphql-ws on, the rest follow it there, so the order holds.
   */
  private deliverInTurn(member: LiveMember, batch: readonly Ready[], jsons: readonly (Buffer | undefined)[], from: number): void {
    const direct: Buffer[] = [];
    const writeDirect = () => {
      if (direct.length) member.sink!.sendFramed(framedMessages(member.sink!, direct.splice(0)));
    };
    for (let i = from; i < batch.length; i++) {
      const result = batch[i]!.result;
      if (!result) continue;
      const json = jsons[i];
      if (json && member.writable) direct.push(json);
      else {
        writeDirect();
        member.offer(result);
      }
    }
    writeDirect();
  }

  private failAll(error: unknown): void {
    for (const member of [...this.members]) member.fail(error);
  }
}
