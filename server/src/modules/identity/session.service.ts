import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context, Viewer } from '../../core/context';
import type { Role } from '@cc/shared';
import { domainError } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import { SESSION_TOPIC, type SessionEndReason } from './identity.events';
import { assertPasswordStrength } from './identity.rules';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { Session } from './session.entity';
import { User } from './user.entity';

export const SESSION_COOKIE = 'cc_session';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const badCredentials = () => domainError('UNAUTHENTICATED', 'The user name or password is not right.', { reason: 'auth/bad_credentials' });

/** The name a sign-in attempt is counted under; not validated, so a malformed name fails like a wrong one. */
const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 64);

/** The one place a Viewer is made: from a signed-in user (an entity, or the session check's row) and their session. */
export function viewerOf(
  user: Pick<User, 'id' | 'username' | 'displayName' | 'roles' | 'unitId'>,
  session: Pick<Session, 'id' | 'expiresAt'>,
): Viewer {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    unitId: user.unitId ?? null,
    sessionId: session.id,
    sessionExpiresAt: session.expiresAt,
  };
}

interface ViewerRow {
  user_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  unit_id: string | null;
  session_id: string;
  expires_at: Date | string;
}

/** Sign-in, sign-out, password change and the sessions behind the cookie. */
export class SessionService {
  constructor(
    private readonly ttlMs: number,
    private readonly throttle = new LoginThrottle(),
  ) {}

  /**
   * Checks the password and opens a session. A wrong name, a wrong password and a disabled
   * account all get the same answer, in about the same time (a dummy hash is verified when
   * the name is unknown), so the answer does not tell which names exist.
   */
  async login(ctx: Context, username: string, password: string, address: string): Promise<{ token: string; user: User; session: Session }> {
    const account = accountKey(username);
    const now = ctx.clock.now();
    await this.throttle.assertAllowed(ctx.em, account, address, now);
    const user = account ? await ctx.em.findOne(User, { username: account, active: true }, { populate: ['passwordHash'] }) : null;
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password.slice(0, 1_000));
    if (!user || !ok) {
      await this.throttle.recordFailure(ctx.em, account, address, now);
      throw badCredentials();
    }
    await this.throttle.recordSuccess(ctx.em, account);
    const token = randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    // The person signing in is the actor of their own sign-in, so the audit trail finds it under their name.
    const actor = viewerOf(user, { id: sessionId, expiresAt });
    const session = await commit({ ...ctx, viewer: actor }, 'login', { username: account }, async (tx) => {
      const created = tx.em.create(Session, {
        id: sessionId,
        tokenHash: tokenHash(token),
        userId: user.id,
        createdAt: tx.now,
        expiresAt,
        address: address.slice(0, 64),
      });
      tx.em.persist(created);
      return created;
    });
    return { token, user, session };
  }

  /** Ends this session; its open sockets are closed too (on every replica, through the outbox). */
  async logout(ctx: Context): Promise<boolean> {
    const viewer = ctx.viewer;
    if (!viewer) return false;
    await commit(ctx, 'logout', {}, async (tx) => {
      await this.revokeSessions(tx, viewer.userId, 'SIGNED_OUT', { only: viewer.sessionId });
    });
    return true;
  }

  /**
   * Changes the signed-in person's own password. A wrong current password counts as a failed
   * sign-in (a borrowed console must not become a way to guess it); every other session of the
   * person ends, this one stays.
   */
  async changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<boolean> {
    const viewer = ctx.viewer;
    if (!viewer) throw domainError('UNAUTHENTICATED', 'Sign in to continue.');
    const address = ctx.http?.address ?? '';
    const now = ctx.clock.now();
    await this.throttle.assertAllowed(ctx.em, viewer.username, address, now);
    const user = await ctx.em.findOne(User, { id: viewer.userId }, { populate: ['passwordHash'] });
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword.slice(0, 1_000)))) {
      await this.throttle.recordFailure(ctx.em, viewer.username, address, now);
      throw domainError('BAD_USER_INPUT', 'The current password is not right.', {
        field: 'currentPassword',
        reason: 'auth/bad_current_password',
      });
    }
    assertPasswordStrength(newPassword, 'newPassword');
    if (newPassword === currentPassword) {
      throw domainError('BAD_USER_INPUT', 'Choose a new password different from the current one.', {
        field: 'newPassword',
        reason: 'password/unchanged',
      });
    }
    const passwordHash = await hashPassword(newPassword);
    await commit(ctx, 'changePassword', {}, async (tx) => {
      const fresh = await tx.em.findOneOrFail(User, { id: viewer.userId });
      fresh.passwordHash = passwordHash;
      await this.revokeSessions(tx, viewer.userId, 'PASSWORD_CHANGED', { except: viewer.sessionId });
    });
    return true;
  }

  /**
   * Revokes a person's live sessions inside the caller's unit of work and emits one `session`
   * DELETED event each, which closes their sockets once the change commits.
   */
  async revokeSessions(tx: Tx, userId: string, reason: SessionEndReason, which: { except?: string; only?: string } = {}): Promise<number> {
    const sessions = await tx.em.find(Session, {
      userId,
      revokedAt: null,
      expiresAt: { $gt: tx.now },
      ...(which.only ? { id: which.only } : which.except ? { id: { $ne: which.except } } : {}),
    });
    for (const session of sessions) {
      session.revokedAt = tx.now;
      tx.emit({ topic: SESSION_TOPIC, entityType: 'Session', entityId: session.id, kind: 'DELETED', payload: { userId, reason } });
    }
    return sessions.length;
  }

  /**
   * The person behind a session cookie, or null if it is unknown, expired or revoked, or the
   * account is disabled. Every HTTP request and every WebSocket connection asks this first, so
   * it is one statement that reads only what a Viewer holds, not two entity loads (the
   * benchmark's write path: one round trip and two hydrations less per mutation).
   */
  async viewerFromToken(em: EntityManager, token: string | undefined, now: Date): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    const [row] = await em.execute<ViewerRow[]>(
      `select u.id as user_id, u.username, u.display_name, u.roles, u.unit_id, s.id as session_id, s.expires_at
         from user_session s join app_user u on u.id = s.user_id
        where s.token_hash = ? and s.revoked_at is null and s.expires_at > ? and u.active`,
      [tokenHash(token), now],
    );
    if (!row) return null;
    return viewerOf(
      { id: row.user_id, username: row.username, displayName: row.display_name, roles: row.roles, unitId: row.unit_id },
      { id: row.session_id, expiresAt: new Date(row.expires_at) },
    );
  }
}
