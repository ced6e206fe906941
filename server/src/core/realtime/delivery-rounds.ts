/**
 * How long to wait after a round of writes before the next one may start, so that writing
 * takes at most `writeShare` of the event loop: a round that took `roundMs` is followed by
 * `roundMs × (1 / writeShare − 1)` ms for everything else (mutations, outbox reads,
 * re-reads), never more than `maxGapMs`.
 */
export function gapAfterRound(roundMs: number, writeShare: number, maxGapMs: number): number {
  return Math.min(maxGapMs, roundMs * (1 / writeShare - 1));
}

/**
 * The share of the loop writes may take unless FANOUT_WRITE_SHARE says otherwise (ADR 0004).
 * 0.4 from paired benchmark runs at 1,000 subscribers: 0.25 missed p99 ≤ 100 ms at 25 events/s,
 * 0.4 held it at 50/s; at 5,000 subscribers the 100 ms cap on the wait decides, not the share.
 */
export const DEFAULT_WRITE_SHARE = 0.4;

export interface DeliveryRoundOptions {
  /** The most of the event loop that writing live updates to sockets may take (0 < share ≤ 1). */
  writeShare: number;
  /** The longest wait between rounds, whatever the last one cost. */
  maxGapMs?: number;
  now?: () => number;
}

export interface DeliveryRoundStats {
  rounds: number;
  /** Duration of the last round (ms): the writes of every broadcast that had something to deliver. */
  lastRoundMs: number;
  /** Events per round per broadcast, summed, and the number of flushes they came in. */
  events: number;
  flushes: number;
}

/**
 * Paces the broadcasts' socket writes into rounds (ADR 0004).
 *
 * Each socket write is a system call, the largest cost of a delivery (tens of microseconds on a
 * virtual machine's loopback). A broadcast that wrote every event to every socket as it came
 * would spend the whole event loop on system calls once subscribers × events per second is
 * large, starving the mutations and the outbox reads, and fall further behind. Instead every
 * broadcast asks for a round; a round writes each member everything that is ready for it in one
 * call. The next round waits in proportion to what the last one cost (`gapAfterRound`), so
 * under load more events ride on each write and writing keeps to its share of the loop, while
 * a quiet server (a short round, or none for a while) delivers the next event at once.
 */
export class DeliveryRounds {
  private readonly due = new Set<() => number>();
  private scheduled = false;
  private lastEnd = -Infinity;
  private lastDuration = 0;
  private readonly now: () => number;
  private readonly maxGapMs: number;
  readonly stats: DeliveryRoundStats = { rounds: 0, lastRoundMs: 0, events: 0, flushes: 0 };

  constructor(private readonly options: DeliveryRoundOptions) {
    if (!(options.writeShare > 0 && options.writeShare <= 1)) throw new RangeError('writeShare must be in (0, 1]');
    this.now = options.now ?? (() => performance.now());
    this.maxGapMs = options.maxGapMs ?? 100;
  }

  /** `flush` runs in the next round and returns how many events it delivered. */
  request(flush: () => number): void {
    this.due.add(flush);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastEnd + gapAfterRound(this.lastDuration, this.options.writeShare, this.maxGapMs) - this.now();
    if (wait >= 1) setTimeout(this.run, wait);
    else setImmediate(this.run);
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const started = this.now();
    const due = [...this.due];
    this.due.clear();
    for (const flush of due) {
      this.stats.events += flush();
      this.stats.flushes++;
    }
    this.lastEnd = this.now();
    this.lastDuration = this.lastEnd - started;
    this.stats.rounds++;
    this.stats.lastRoundMs = this.lastDuration;
  };
}
