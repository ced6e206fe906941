import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { assertWithinRate, RateLimiter } from './rate-limit';

const T0 = new Date('2026-12-07T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('per-address token bucket', () => {
  it('allows a burst, then one request per refill interval, saying how long to wait', () => {
    const limiter = new RateLimiter({ perMinute: 6, burst: 3 });
    for (let i = 0; i < 3; i++) expect(limiter.take('10.0.0.1', T0)).toBe(0);
    expect(limiter.take('10.0.0.1', T0)).toBe(10_000);
    expect(limiter.take('10.0.0.1', at(4_000))).toBe(6_000);
    expect(limiter.take('10.0.0.1', at(10_000))).toBe(0);
    expect(limiter.take('10.0.0.1', at(10_000))).toBe(10_000);
  });

  it('counts each address on its own', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 });
    expect(limiter.take('10.0.0.1', T0)).toBe(0);
    expect(limiter.take('10.0.0.1', T0)).toBeGreaterThan(0);
    expect(limiter.take('10.0.0.2', T0)).toBe(0);
  });

  it('never holds more than the burst, however long an address was quiet', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 2 });
    expect(limiter.take('a', T0)).toBe(0);
    expect(limiter.take('a', at(3_600_000))).toBe(0);
    expect(limiter.take('a', at(3_600_000))).toBe(0);
    expect(limiter.take('a', at(3_600_000))).toBeGreaterThan(0);
  });

  it('forgets addresses beyond its bound, full buckets first, so memory stays bounded', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 }, 100);
    for (let i = 0; i < 1_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, at(i));
    expect(limiter.size).toBeLessThanOrEqual(100);
  });

  it('answers RATE_LIMITED with whole seconds to wait, from the request context', () => {
    const limiter = new RateLimiter({ perMinute: 20, burst: 1 });
    const ctx = { clientAddress: '192.0.2.7', clock: new ManualClock(T0) };
    assertWithinRate(limiter, ctx, 'permit checks');
    let caught: unknown;
    try {
      assertWithinRate(limiter, ctx, 'permit checks');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      message: 'Too many permit checks from this address. Try again in 3 seconds.',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3 },
    });
  });
});
