import type { Context } from './context';
import { domainError } from './errors';

export interface RateLimits {
  /** Requests per minute once the burst is spent (the refill rate). */
  perMinute: number;
  /** Requests allowed at once (the bucket's size). */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (a client address), in this replica's memory: a public operation is
 * answered from it without touching the database, so counting cannot itself be the load. With N
 * replicas behind the proxy a client gets at most N times the rate (docs/adr/0016-signed-permit-tokens.md).
 * Times come from the caller (the injected Clock), so tests step them.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    readonly limits: RateLimits,
    /** Keys remembered at most; past it, full buckets are forgotten first, then the oldest. */
    private readonly maxKeys = 50_000,
  ) {
    this.refillPerMs = limits.perMinute / 60_000;
  }

  /** Takes one token for `key`: 0 when allowed, else the milliseconds until one is available. */
  take(key: string, now: Date): number {
    const at = now.getTime();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(this.limits.burst, bucket.tokens + Math.max(0, at - bucket.at) * this.refillPerMs) : this.limits.burst;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at });
      return Math.ceil((1 - tokens) / this.refillPerMs);
    }
    // Re-inserted so that the Map's order is least-recently-used first.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, at });
    if (this.buckets.size > this.maxKeys) this.forget(at);
    return 0;
  }

  get size(): number {
    return this.buckets.size;
  }

  private forget(at: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (at - bucket.at) * this.refillPerMs >= this.limits.burst) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * Throws RATE_LIMITED (with retryAfterSeconds) when the request's client address has used up its
 * rate for `what`; the same check over HTTP and WebSocket, since both contexts carry the address.
 */
export function assertWithinRate(limiter: RateLimiter, ctx: Pick<Context, 'clientAddress' | 'clock'>, what: string): void {
  const waitMs = limiter.take(ctx.clientAddress ?? '', ctx.clock.now());
  if (waitMs === 0) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1_000));
  throw domainError(
    'RATE_LIMITED',
    `Too many ${what} from this address. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    { reason: 'rate_limited', retryAfterSeconds },
  );
}
