import pg from 'pg';

export interface LockWaits {
  samples: number;
  /** Share of samples in which at least one backend of the benchmark database waited for a lock. */
  shareWithWaiters: number;
  meanWaiting: number;
  maxWaiting: number;
  /** Waits by PostgreSQL wait event (advisory = the outbox's commit-order lock, transactionid = row locks...). */
  byEvent: Record<string, number>;
  /** Mean share of the NOTIFY queue in use (pg_notification_queue_usage). */
  notifyQueueUsage: number;
}

/**
 * Samples pg_stat_activity every `everyMs` for backends of one database that wait on a lock.
 * Committing transactions that NOTIFY serialise on a global lock, and our outbox takes an
 * advisory lock from the event insert to COMMIT: this shows how often writers queue on them.
 */
export class LockSampler {
  private readonly client: pg.Client;
  private timer: NodeJS.Timeout | undefined;
  private samples = 0;
  private withWaiters = 0;
  private waitingTotal = 0;
  private maxWaiting = 0;
  private notifyUsage = 0;
  private byEvent: Record<string, number> = {};
  private busy = false;

  constructor(
    databaseUrl: string,
    private readonly everyMs = 50,
  ) {
    this.client = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-lock-sampler' });
  }

  async start(): Promise<void> {
    await this.client.connect();
    this.timer = setInterval(() => void this.sample(), this.everyMs);
  }

  reset(): void {
    this.samples = this.withWaiters = this.waitingTotal = this.maxWaiting = this.notifyUsage = 0;
    this.byEvent = {};
  }

  read(): LockWaits {
    const n = Math.max(1, this.samples);
    return {
      samples: this.samples,
      shareWithWaiters: round(this.withWaiters / n),
      meanWaiting: round(this.waitingTotal / n),
      maxWaiting: this.maxWaiting,
      byEvent: { ...this.byEvent },
      notifyQueueUsage: round(this.notifyUsage / n, 6),
    };
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.client.end().catch(() => undefined);
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query<{ wait_event: string; n: string; usage: number }>(
        `select coalesce(a.wait_event, '') as wait_event, count(a.pid) as n, pg_notification_queue_usage() as usage
         from (select 1) one left join pg_stat_activity a
           on a.datname = current_database() and a.wait_event_type = 'Lock' and a.pid <> pg_backend_pid()
         group by a.wait_event`,
      );
      let waiting = 0;
      for (const row of rows) {
        const n = Number(row.n);
        if (n > 0) this.byEvent[row.wait_event] = (this.byEvent[row.wait_event] ?? 0) + n;
        waiting += n;
      }
      this.samples++;
      this.waitingTotal += waiting;
      this.notifyUsage += rows[0]?.usage ?? 0;
      if (waiting > 0) this.withWaiters++;
      this.maxWaiting = Math.max(this.maxWaiting, waiting);
    } catch {
      // a missed sample is not a finding
    } finally {
      this.busy = false;
    }
  }
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
