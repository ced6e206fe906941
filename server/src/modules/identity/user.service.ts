import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditCollector, writeAudit } from '../../core/audit';
import { isUuid } from '../../core/auth/ids';
import { ADVISORY_LOCKS } from '../../core/database/advisory-locks';
import type { Context } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { commit, type Tx } from '../../core/unit-of-work';
import type { CreateUserInput, UpdateUserInput } from './identity.inputs';
import { assertPasswordStrength, cleanDisplayName, cleanPhone, cleanRolesAndUnit, normalizeUsername } from './identity.rules';
import { MemberUnit } from './member-unit.entity';
import { hashPassword } from './password';
import type { SessionService } from './session.service';
import { User } from './user.entity';

export interface PersonName {
  username: string;
  displayName: string;
}

/** People and their roles: what administrators manage from the console. */
export class UserService {
  constructor(private readonly sessions: SessionService) {}

  /** Everyone, active first, then by name; their units are loaded too so `unit` costs no extra query. */
  async list(em: EntityManager): Promise<User[]> {
    const users = await em.find(User, {}, { orderBy: { active: 'desc', username: 'asc' } });
    const unitIds = [...new Set(users.map((u) => u.unitId).filter((id): id is string => !!id))];
    if (unitIds.length) await em.find(MemberUnit, { id: { $in: unitIds } });
    return users;
  }

  async get(em: EntityManager, id: string): Promise<User | null> {
    return isUuid(id) ? em.findOne(User, { id }) : null;
  }

  /** Names for ids, for other modules that show who did something (the audit trail, rosters). */
  async namesOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, PersonName>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await em.find(User, { id: { $in: unique } }, { fields: ['id', 'username', 'displayName'] });
    return new Map(users.map((u) => [u.id, { username: u.username, displayName: u.displayName }]));
  }

  async create(ctx: Context, input: CreateUserInput): Promise<User> {
    const username = normalizeUsername(input.username);
    const displayName = cleanDisplayName(input.displayName);
    const phone = cleanPhone(input.phone);
    const access = cleanRolesAndUnit(input.roles, input.unitId);
    assertPasswordStrength(input.password);
    const passwordHash = await hashPassword(input.password);
    // The password never reaches the idempotency hash or the audit trail.
    return commit(ctx, 'createUser', { ...input, password: undefined }, async (tx) => {
      if (await tx.em.count(User, { username })) {
        throw domainError('CONFLICT', `The user name “${username}” is taken; choose another.`, {
          field: 'username',
          reason: 'identity/username_taken',
        });
      }
      if (access.unitId) await this.assertUnitUsable(tx, access.unitId);
      const user = tx.em.create(User, {
        username,
        displayName,
        phone,
        passwordHash,
        roles: access.roles,
        unitId: access.unitId,
        active: true,
      });
      tx.em.persist(user);
      return user;
    });
  }

  /** Edits a person; a change of roles or unit ends their sessions, so the new rights apply at once. */
  async update(ctx: Context, input: UpdateUserInput): Promise<User> {
    const displayName = cleanDisplayName(input.displayName);
    const phone = cleanPhone(input.phone);
    const access = cleanRolesAndUnit(input.roles, input.unitId);
    return commit(ctx, 'updateUser', input, async (tx) => {
      const user = await this.lockUser(tx, input.id);
      assertVersion(user, input.expectedVersion);
      const accessChanged = user.unitId !== access.unitId || user.roles.join() !== access.roles.join();
      if (accessChanged && user.roles.includes('ADMIN') && !access.roles.includes('ADMIN') && user.active)
        await this.assertAnotherAdmin(tx, user.id);
      if (access.unitId && access.unitId !== user.unitId) await this.assertUnitUsable(tx, access.unitId);
      user.displayName = displayName;
      user.phone = phone;
      if (accessChanged) {
        user.roles = access.roles;
        user.unitId = access.unitId;
        await this.sessions.revokeSessions(tx, user.id, 'ACCESS_CHANGED');
      }
      return user;
    });
  }

  /** Deactivating keeps the person's history and ends their sessions; they can no longer sign in. */
  async setActive(ctx: Context, id: string, active: boolean): Promise<User> {
    return commit(ctx, 'setUserActive', { id, active }, async (tx) => {
      const user = await this.lockUser(tx, id);
      if (user.active === active) return user;
      if (!active) {
        if (user.id === tx.viewer?.userId) {
          throw domainError('BAD_USER_INPUT', 'You cannot deactivate your own account; ask another administrator.', {
            field: 'id',
            reason: 'identity/self_deactivation',
          });
        }
        if (user.roles.includes('ADMIN')) await this.assertAnotherAdmin(tx, user.id);
        await this.sessions.revokeSessions(tx, user.id, 'DEACTIVATED');
      } else if (user.unitId) {
        await this.assertUnitUsable(tx, user.unitId);
      }
      user.active = active;
      return user;
    });
  }

  /** Sets a new password for someone who lost theirs; all their sessions end. */
  async resetPassword(ctx: Context, id: string, newPassword: string): Promise<User> {
    assertPasswordStrength(newPassword, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    return commit(ctx, 'resetUserPassword', { id }, async (tx) => {
      const user = await this.lockUser(tx, id);
      user.passwordHash = passwordHash;
      await this.sessions.revokeSessions(tx, user.id, 'PASSWORD_RESET');
      return user;
    });
  }

  /**
   * Production first run: creates the first administrator from the environment when there is
   * none. Idempotent, so every start (and every replica) may call it; later changes to the
   * variables do not touch an existing account.
   */
  async ensureFirstAdmin(em: EntityManager, admin: { username: string; password: string }, logger: Logger): Promise<boolean> {
    const username = normalizeUsername(admin.username);
    assertPasswordStrength(admin.password, 'ADMIN_PASSWORD');
    const passwordHash = await hashPassword(admin.password);
    return em.transactional(async (tx) => {
      // Serialises replicas starting together: only one of them creates the account.
      await tx.execute('select pg_advisory_xact_lock(?)', [ADVISORY_LOCKS.firstAdmin]);
      const admins = await tx.execute<{ n: string }[]>(`select count(*) as n from app_user where 'ADMIN' = any (roles) and active`);
      if (Number(admins[0]?.n ?? 0) > 0) return false;
      if (await tx.count(User, { username })) {
        throw new Error(
          `ADMIN_USERNAME “${username}” belongs to an existing account that is not an active administrator; choose another name.`,
        );
      }
      tx.persist(
        tx.create(User, { username, displayName: '系统管理员', passwordHash, roles: ['ADMIN'], unitId: null, active: true, phone: '' }),
      );
      await tx.flush();
      // Not a request, so not `commit`; but audited through the same generic path, with no actor.
      await writeAudit(
        tx,
        { actorId: null, requestId: `first-run:${randomUUID()}`, operation: 'createFirstAdmin', transport: 'startup' },
        auditCollector.take(tx),
      );
      logger.info({ username }, 'first administrator created from ADMIN_USERNAME');
      return true;
    });
  }

  /** Row-locks the person so two administrators' changes to them apply one after the other. */
  private async lockUser(tx: Tx, id: string): Promise<User> {
    const user = isUuid(id) ? await tx.em.findOne(User, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!user) throw notFound('User', id);
    return user;
  }

  /** The console must keep at least one active administrator, or nobody could manage it again. */
  private async assertAnotherAdmin(tx: Tx, exceptUserId: string): Promise<void> {
    // Locks every active administrator, so two admins demoting each other at once cannot both succeed.
    const others = await tx.em.execute<{ id: string }[]>(
      `select id from app_user where 'ADMIN' = any (roles) and active order by id for update`,
    );
    if (!others.some((row) => row.id !== exceptUserId)) {
      throw domainError('CONFLICT', 'This is the last active administrator. Make someone else an administrator first.', {
        reason: 'identity/last_admin',
      });
    }
  }

  private async assertUnitUsable(tx: Tx, unitId: string): Promise<void> {
    const unit = isUuid(unitId) ? await tx.em.findOne(MemberUnit, { id: unitId }) : null;
    if (!unit)
      throw domainError('BAD_USER_INPUT', 'That member unit does not exist.', { field: 'unitId', reason: 'identity/unknown_unit' });
    if (!unit.active)
      throw domainError('BAD_USER_INPUT', `The unit ${unit.name} is inactive; reactivate it first.`, {
        field: 'unitId',
        reason: 'identity/inactive_unit',
      });
  }
}

function assertVersion(record: { version: number }, expected: number): void {
  if (record.version !== expected) {
    throw domainError('CONFLICT', 'Someone changed this record meanwhile. Review the current values and try again.', {
      reason: 'record/stale',
      currentVersion: record.version,
    });
  }
}
