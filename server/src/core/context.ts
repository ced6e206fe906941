import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@cc/shared';
import type { Clock } from './clock';
import type { Logger } from './logger';
import type { EventHub } from './realtime/event-hub';

/** The signed-in person, as every resolver and policy sees them. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  /** The member unit a unit liaison belongs to; null for HQ staff. */
  unitId: string | null;
  sessionId: string;
  sessionExpiresAt: Date;
}

/** Built once per HTTP request, per WebSocket operation, and per subscription event. */
export interface Context {
  requestId: string;
  /** 'system': the server acting on its own (the alert engine's evaluations), recorded as such in the audit trail. */
  transport: 'http' | 'ws' | 'system';
  viewer: Viewer | null;
  /** A fork of the EntityManager for this request or event only. */
  em: EntityManager;
  /** Set by the client (request extensions or Idempotency-Key header) so a retry acts once. */
  idempotencyKey: string | undefined;
  clock: Clock;
  hub: EventHub;
  logger: Logger;
  /**
   * The client's address, HTTP and WebSocket alike (X-Forwarded-For believed only from TRUST_PROXY's
   * proxies): per-address limits on public operations (core/rate-limit.ts). Absent for the server's own work.
   */
  clientAddress?: string;
  /** Only on HTTP requests: the cookie and address plumbing sign-in needs. */
  http?: HttpExchange;
}

export interface HttpExchange {
  address: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export function hasRole(viewer: Viewer | null, ...roles: readonly Role[]): boolean {
  return viewer !== null && viewer.roles.some((r) => roles.includes(r));
}
