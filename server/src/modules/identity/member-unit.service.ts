import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context, Viewer } from '../../core/context';
import { isUuid } from '../../core/auth/ids';
import { assertSameUnit } from '../../core/auth/unit-scope';
import { domainError, notFound } from '../../core/errors';
import { commit } from '../../core/unit-of-work';
import type { CreateMemberUnitInput, UpdateMemberUnitInput } from './identity.inputs';
import { cleanUnitName, normalizeUnitCode } from './identity.rules';
import { MemberUnit } from './member-unit.entity';

/** 成员单位: the member units of the HQ. */
export class MemberUnitService {
  async list(em: EntityManager): Promise<MemberUnit[]> {
    return em.find(MemberUnit, {}, { orderBy: { active: 'desc', code: 'asc' } });
  }

  async get(em: EntityManager, id: string): Promise<MemberUnit | null> {
    return isUuid(id) ? em.findOne(MemberUnit, { id }) : null;
  }

  /** Several units in one query, for other modules' batch loaders; ids that are no unit are left out. */
  async getMany(em: EntityManager, ids: readonly string[]): Promise<MemberUnit[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? em.find(MemberUnit, { id: { $in: valid } }) : [];
  }

  /** One unit as the viewer may see it: HQ roles see any; a liaison only their own (others are "not found"). */
  async getVisible(em: EntityManager, viewer: Viewer, id: string): Promise<MemberUnit> {
    assertSameUnit(viewer, id, 'Member unit', id);
    return (await this.get(em, id)) ?? Promise.reject(notFound('Member unit', id));
  }

  async create(ctx: Context, input: CreateMemberUnitInput): Promise<MemberUnit> {
    const code = normalizeUnitCode(input.code);
    const name = cleanUnitName(input.name);
    return commit(ctx, 'createMemberUnit', input, async (tx) => {
      if (await tx.em.count(MemberUnit, { code })) {
        throw domainError('CONFLICT', `The unit code ${code} is taken; choose another.`, {
          field: 'code',
          reason: 'identity/unit_code_taken',
        });
      }
      const unit = tx.em.create(MemberUnit, { code, name, active: true });
      tx.em.persist(unit);
      return unit;
    });
  }

  /** Renames or (de)activates a unit. The code stays: other records and reports refer to it. */
  async update(ctx: Context, input: UpdateMemberUnitInput): Promise<MemberUnit> {
    const name = cleanUnitName(input.name);
    return commit(ctx, 'updateMemberUnit', input, async (tx) => {
      const unit = await this.get(tx.em, input.id);
      if (!unit) throw notFound('Member unit', input.id);
      if (unit.version !== input.expectedVersion) {
        throw domainError('CONFLICT', 'Someone changed this unit meanwhile. Review the current values and try again.', {
          reason: 'record/stale',
          currentVersion: unit.version,
        });
      }
      unit.name = name;
      unit.active = input.active;
      return unit;
    });
  }
}
