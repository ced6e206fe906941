import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context, Viewer } from '../../core/context';
import { domainError } from '../../core/errors';
import { commit } from '../../core/unit-of-work';
import { DUMMY_HASH, verifyPassword } from './password';
import { Session } from './session.entity';
import { User } from './user.entity';

export const SESSION_COOKIE = 'cc_session';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionService {
  constructor(private readonly ttlMs: number) {}

  /** Checks the password and opens a session; the same error for a wrong name or password. */
  async login(ctx: Context, username: string, password: string, address: string): Promise<{ token: string; user: User; session: Session }> {
    const user = await ctx.em.findOne(User, { username: username.trim().toLowerCase(), active: true }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok) {
      throw domainError('UNAUTHENTICATED', 'The user name or password is not right.', { reason: 'auth/bad_credentials' });
    }
    const token = randomBytes(32).toString('base64url');
    const session = await commit({ ...ctx, viewer: null }, 'login', { username }, async (tx) => {
      const created = tx.em.create(Session, {
        id: randomUUID(),
        tokenHash: tokenHash(token),
        userId: user.id,
        createdAt: tx.now,
        expiresAt: new Date(tx.now.getTime() + this.ttlMs),
        address: address.slice(0, 64),
      });
      tx.em.persist(created);
      return created;
    });
    return { token, user, session };
  }

  async logout(ctx: Context): Promise<boolean> {
    const viewer = ctx.viewer;
    if (!viewer) return false;
    await commit(ctx, 'logout', {}, async (tx) => {
      const session = await tx.em.findOne(Session, { id: viewer.sessionId });
      if (session && !session.revokedAt) session.revokedAt = tx.now;
    });
    return true;
  }

  /** The person behind a session cookie, or null if it is unknown, expired or revoked. */
  async viewerFromToken(em: EntityManager, token: string | undefined, now: Date): Promise<Viewer | null> {
    if (!token || token.length > 200) return null;
    const session = await em.findOne(Session, { tokenHash: tokenHash(token), revokedAt: null, expiresAt: { $gt: now } });
    if (!session) return null;
    const user = await em.findOne(User, { id: session.userId, active: true });
    if (!user) return null;
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      unitId: user.unitId ?? null,
      sessionId: session.id,
      sessionExpiresAt: session.expiresAt,
    };
  }
}
