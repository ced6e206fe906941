import pg from 'pg';
import { ADVISORY_LOCKS } from '../database/advisory-locks';
import type { Logger } from '../logger';
import { EVENT_CHANNEL } from './outbox';
import type { EventRecord, TopicName } from './topics';

interface EventRow {
  position: string;
  topic: string;
  entity_type: string;
  entity_id: string;
  kind: EventRecord['kind'];
  actor_id: string | null;
  payload: unknown;
  committed_at: Date;
}

const toRecord = (row: EventRow): EventRecord =>
  ({
    position: BigInt(row.position),
    topic: row.topic as TopicName,
    entityType: row.entity_type,
    entityId: row.entity_id,
    kind: row.kind,
    actorId: row.actor_id,
    payload: row.payload,
    committedAt: row.committed_at,
  }) as EventRecord;

/** What a log line needs of a driver error (its objects carry the whole client otherwise). */
const brief = (error: unknown) => ({ message: (error as Error)?.message, code: (error as { code?: string })?.code });

const COLUMNS = 'position, topic, entity_type, entity_id, kind, actor_id, payload, committed_at';

export interface EventHubOptions {
  url: string;
  logger: Logger;
  /** How many recent events stay in memory so reconnecting consoles catch up without a query. */
  bufferSize?: number;
  /** Safety net for a lost NOTIFY or a listener reconnect: the outbox is read at least this often. */
  pollIntervalMs?: number;
  /** A subscriber this many events behind is cut off (it reconnects and catches up). */
  maxQueuedPerSubscriber?: number;
  /** Told of every delivered event, before the listeners (metrics); never counted as a listener. */
  observe?: (event: EventRecord) => void;
}

export type EventListener = (event: EventRecord) => void;

/**
 * One per server process. Follows the outbox in position order (woken by LISTEN/NOTIFY,
 * polled as a fallback) and hands every committed event to in-process listeners, in order,
 * exactly once. Replicas share nothing but the database (ADR 0003).
 */
export class EventHub {
  private readonly pool: pg.Pool;
  private listenClient: pg.Client | undefined;
  private readonly listeners = new Set<EventListener>();
  private readonly buffer: EventRecord[] = [];
  /** Every committed event with a position above this is in `buffer`. */
  private bufferFloor = 0n;
  private headPosition = 0n;
  private readonly topicHeads = new Map<string, bigint>();
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly bufferSize: number;

  constructor(private readonly options: EventHubOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: 3, connectionTimeoutMillis: 5_000 });
    this.pool.on('error', (error) => options.logger.warn({ error: brief(error) }, 'event hub pool error'));
    this.bufferSize = options.bufferSize ?? 10_000;
  }

  /** The newest position every listener has been handed. */
  get head(): bigint {
    return this.headPosition;
  }

  /** The newest delivered position of one topic (0 if none yet): a console that has reached it is live. */
  headOf(topic: string): bigint {
    return this.topicHeads.get(topic) ?? 0n;
  }

  get maxQueuedPerSubscriber(): number {
    return this.options.maxQueuedPerSubscriber ?? 5_000;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The hub's own connections (LISTEN aside), for the pool metrics. */
  get connections(): Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'> {
    return this.pool;
  }

  /** This process's clock minus the database's, in ms (half the round trip allowed for): deadline rules read the process's clock. */
  async clockSkewMs(): Promise<number> {
    const sent = Date.now();
    const { rows } = await this.pool.query<{ ms: string }>('select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms');
    const received = Date.now();
    return (sent + received) / 2 - Number(rows[0]!.ms);
  }

  /** The newest committed outbox position in the database; minus `head`, the events not yet delivered here. */
  async committedHead(): Promise<bigint> {
    const { rows } = await this.pool.query<{ head: string | null }>('select max(position) as head from event');
    return BigInt(rows[0]?.head ?? 0);
  }

  async start(): Promise<void> {
    const { rows } = await this.pool.query<{ head: string | null }>('select max(position) as head from event');
    this.headPosition = BigInt(rows[0]?.head ?? 0);
    const heads = await this.pool.query<{ topic: string; head: string }>('select topic, max(position) as head from event group by topic');
    for (const row of heads.rows) this.topicHeads.set(row.topic, BigInt(row.head));
    this.bufferFloor = this.headPosition;
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 1_000);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    await this.pumping;
    await this.listenClient?.end().catch(() => undefined);
    await this.pool.end();
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the outbox now; called on NOTIFY, on the poll timer and by tests. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.pumping) {
      this.pumpAgain = true;
      return this.pumping;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      if (this.pumpAgain) {
        this.pumpAgain = false;
        void this.wake();
      }
    });
    return this.pumping;
  }

  /** Events after `after` up to and including `upTo`, of the given topics, in position order. */
  async *readRange(after: bigint, upTo: bigint, topics: ReadonlySet<string>): AsyncGenerator<EventRecord> {
    if (after >= this.bufferFloor) {
      // Copied now: the buffer shifts while the consumer awaits between events.
      const matching = this.buffer.filter((e) => e.position > after && e.position <= upTo && topics.has(e.topic));
      yield* matching;
      return;
    }
    let cursor = after;
    for (;;) {
      const { rows } = await this.pool.query<EventRow>(
        `select ${COLUMNS} from event where position > $1 and position <= $2 and topic = any($3)
         order by position limit 1000`,
        [String(cursor), String(upTo), [...topics]],
      );
      for (const row of rows) yield toRecord(row);
      if (rows.length < 1000) return;
      cursor = BigInt(rows.at(-1)!.position);
    }
  }

  /** Positions at or below this were pruned: a client that resumes from before it must reload. */
  async prunedThrough(): Promise<bigint> {
    const { rows } = await this.pool.query<{ pruned_through: string }>('select pruned_through from event_horizon');
    return BigInt(rows[0]?.pruned_through ?? 0);
  }

  /**
   * Deletes events older than the retention period, as a prefix of positions, and moves the
   * horizon so that clients resuming from before it are told to reload. Also forgets old
   * idempotency keys. One replica at a time (advisory try-lock); returns the events deleted.
   */
  async prune(retentionDays: number): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { rows: locked } = await client.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
        ADVISORY_LOCKS.eventPruning,
      ]);
      if (!locked[0]?.ok) {
        await client.query('rollback');
        return 0;
      }
      const { rows } = await client.query<{ through: string | null }>(
        `select max(position) as through from event where committed_at < now() - make_interval(days => $1)`,
        [retentionDays],
      );
      const through = rows[0]?.through;
      let deleted = 0;
      if (through) {
        deleted = (await client.query('delete from event where position <= $1', [through])).rowCount ?? 0;
        await client.query('update event_horizon set pruned_through = greatest(pruned_through, $1)', [through]);
      }
      await client.query(`delete from idempotency_key where created_at < now() - interval '1 day'`);
      await client.query('commit');
      return deleted;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { rows } = await this.pool.query<EventRow>(`select ${COLUMNS} from event where position > $1 order by position limit 500`, [
          String(this.headPosition),
        ]);
        for (const row of rows) this.deliver(toRecord(row));
        if (rows.length < 500) return;
      }
    } catch (error) {
      this.options.logger.warn({ error: brief(error) }, 'event hub could not read the outbox; will retry');
    }
  }

  private deliver(event: EventRecord): void {
    this.buffer.push(event);
    if (this.buffer.length > this.bufferSize) this.bufferFloor = this.buffer.shift()!.position;
    this.headPosition = event.position;
    this.topicHeads.set(event.topic, event.position);
    this.options.observe?.(event);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.error({ err: error }, 'event listener failed');
      }
    }
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 5_000 });
    client.on('notification', () => void this.wake());
    let lost = false;
    client.on('error', (error) => {
      // A dying connection can emit several errors; reconnect once per connection.
      if (lost) return;
      lost = true;
      this.options.logger.warn({ error: brief(error) }, 'event listener connection lost; reconnecting');
      this.listenClient = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 1_000).unref();
    });
    try {
      await client.connect();
      await client.query(`listen ${EVENT_CHANNEL}`);
      this.listenClient = client;
      void this.wake();
    } catch (error) {
      lost = true;
      this.options.logger.warn({ error: brief(error) }, 'event listener could not connect; retrying');
      await client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 1_000).unref();
    }
  }
}
