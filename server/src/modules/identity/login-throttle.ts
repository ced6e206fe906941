import type { EntityManager } from '@mikro-orm/postgresql';
import { domainError } from '../../core/errors';

export interface ThrottleLimits {
  /** Failed attempts one account may take per window (a guessing attack on one person). */
  perAccount: number;
  /** Failed attempts one address may take per window (one machine trying many names). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

type Scope = 'account' | 'address';

interface Row {
  scope: Scope;
  window_started_at: Date;
  failures: number;
}

/**
 * Failed sign-in counters in PostgreSQL (table login_throttle, migration 0004), so that every
 * replica counts the same attempts. A fixed window opens at the first failure; once a key has
 * used its allowance, attempts are refused until the window closes, even with the right password.
 *
 * The counters are written outside the unit of work on purpose: a failed sign-in changes no
 * business record (nothing to audit), and the count must stick although the request fails.
 */
export class LoginThrottle {
  constructor(private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {}

  /** Throws RATE_LIMITED, saying when to retry, if the account or the address has no attempts left. */
  async assertAllowed(em: EntityManager, account: string, address: string, now: Date): Promise<void> {
    const rows = await em.execute<Row[]>(
      `select scope, window_started_at, failures from login_throttle
       where (scope = 'account' and key = ?) or (scope = 'address' and key = ?)`,
      [account, address],
    );
    let retryAt: Date | undefined;
    for (const row of rows) {
      const limit = row.scope === 'account' ? this.limits.perAccount : this.limits.perAddress;
      const closes = new Date(new Date(row.window_started_at).getTime() + this.limits.windowMs);
      if (row.failures >= limit && closes > now && (!retryAt || closes > retryAt)) retryAt = closes;
    }
    if (!retryAt) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1_000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw domainError(
      'RATE_LIMITED',
      `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or ask an administrator to reset the password.`,
      { reason: 'auth/too_many_attempts', retryAfterSeconds, retryAt: retryAt.toISOString() },
    );
  }

  /** Counts one failure against both keys, atomically (concurrent attempts on any replica add up). */
  async recordFailure(em: EntityManager, account: string, address: string, now: Date): Promise<void> {
    const windowStart = new Date(now.getTime() - this.limits.windowMs);
    await em.execute(
      `insert into login_throttle as t (scope, key, window_started_at, failures)
       values ('account', ?, ?, 1), ('address', ?, ?, 1)
       on conflict (scope, key) do update set
         failures = case when t.window_started_at <= ? then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at <= ? then excluded.window_started_at else t.window_started_at end`,
      [account, now, address, now, windowStart, windowStart],
    );
    // Keeps the table small when someone sprays made-up names; expired rows mean nothing.
    await em.execute('delete from login_throttle where window_started_at < ?', [new Date(windowStart.getTime() - this.limits.windowMs)]);
  }

  /** A successful sign-in clears the account's count (not the address's: one good password must not unlock guessing). */
  async recordSuccess(em: EntityManager, account: string): Promise<void> {
    await em.execute(`delete from login_throttle where scope = 'account' and key = ?`, [account]);
  }
}
