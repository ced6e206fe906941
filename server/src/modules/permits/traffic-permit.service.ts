import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  isPermitNumber,
  normalisePermitNumber,
  normalisePlate,
  PERMIT_TEXT_LIMITS,
  permitEffectiveUntil,
  permitStatusAt,
  type PermitCargoKind,
  type PermitStatus,
} from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context, Viewer } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit } from '../../core/unit-of-work';
import type { RevokeTrafficPermitInput } from './permits.inputs';
import { TRAFFIC_PERMIT_TOPIC } from './permits.events';
import { permitsPolicy } from './permits.policy';
import { requiredText } from './permits.rules';
import type { Page, ResponseEnd } from './permit-request.service';
import { TrafficPermit } from './traffic-permit.entity';

/** What other modules (public verification, the revocation list, dispatch links) read of a permit. */
export interface PermitRecord {
  number: string;
  plate: string;
  greenChannel: boolean;
  cargoKind: PermitCargoKind;
  validFrom: Date;
  /** The effective end: the approved end, or the response's end if earlier. */
  validUntil: Date;
  revokedAt: Date | null;
  status: PermitStatus;
}

/** `% _ \` typed in a search are matched as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** 通行证 as issued: the list and its search, one permit, revocation, and the registry other modules read. */
export class TrafficPermitService {
  constructor(private readonly responseEnd: ResponseEnd) {}

  /** Issued permits, newest first, searched on the server by number, plate or applicant; a liaison sees their unit's. */
  async list(em: EntityManager, viewer: Viewer | null, search: string | null | undefined, first: number, offset: number) {
    const limit = Math.min(Math.max(first, 0), 200);
    const where: string[] = [];
    const params: unknown[] = [];
    const unitId = permitsPolicy.unitOf(viewer);
    if (unitId) {
      where.push('p.unit_id = ?');
      params.push(unitId);
    }
    const text = search?.trim();
    if (text) {
      if (text.length > 100) throw domainError('BAD_USER_INPUT', 'Search for at most 100 characters.', { field: 'search' });
      where.push('(p.number ilike ? or p.plate ilike ? or p.applicant_name ilike ?)');
      params.push(likePattern(text.toUpperCase().replace(/\s/g, '')), likePattern(normalisePlate(text)), likePattern(text));
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const rows = await em.execute<{ id: string; total: string }[]>(
      `select p.id, count(*) over () as total from traffic_permit p ${clause} order by p.issued_at desc, p.id desc limit ? offset ?`,
      [...params, limit, Math.max(offset, 0)],
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && offset > 0) {
      const [counted] = await em.execute<{ total: string }[]>(`select count(*) as total from traffic_permit p ${clause}`, params);
      total = Number(counted?.total ?? 0);
    }
    if (rows.length === 0) return { items: [], total } satisfies Page<TrafficPermit>;
    const found = await em.find(TrafficPermit, { id: { $in: rows.map((r) => r.id) } });
    const byId = new Map(found.map((p) => [p.id, p]));
    return { items: rows.map((r) => byId.get(r.id)!).filter(Boolean), total } satisfies Page<TrafficPermit>;
  }

  /** One permit by id or number; NOT_FOUND when it is not there or another unit's (to a liaison). */
  async get(em: EntityManager, viewer: Viewer | null, idOrNumber: string): Promise<TrafficPermit> {
    const permit = isUuid(idOrNumber)
      ? await em.findOne(TrafficPermit, { id: idOrNumber })
      : await em.findOne(TrafficPermit, { number: normalisePermitNumber(idOrNumber) });
    if (!permit || !permitsPolicy.canSee(viewer, permit.unitId)) throw notFound('Traffic permit', idOrNumber);
    return permit;
  }

  /** 吊销: at once and for good (the database refuses to take it back). */
  async revoke(ctx: Context, input: RevokeTrafficPermitInput): Promise<TrafficPermit> {
    return commit(ctx, 'revokeTrafficPermit', input, async (tx) => {
      const reason = requiredText('reason', input.reason, PERMIT_TEXT_LIMITS.reason, 'the reason for revoking');
      const permit = isUuid(input.permitId)
        ? await tx.em.findOne(TrafficPermit, { id: input.permitId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!permit || !permitsPolicy.canSee(tx.viewer, permit.unitId)) throw notFound('Traffic permit', input.permitId);
      if (permit.revokedAt)
        throw domainError('INVALID_TRANSITION', `Permit ${permit.number} is already revoked.`, { reason: 'trafficPermit/already_revoked' });
      permit.revokedAt = tx.now;
      permit.revokedById = tx.viewer?.userId ?? null;
      permit.revokedByName = tx.viewer?.displayName ?? '';
      permit.revocationReason = reason;
      tx.emit({
        topic: TRAFFIC_PERMIT_TOPIC,
        entityType: 'TrafficPermit',
        entityId: permit.id,
        kind: 'UPDATED',
        payload: { number: permit.number, unitId: permit.unitId, changed: ['revokedAt'] },
      });
      return permit;
    });
  }

  /** The permit's status at `now`, with the response's end read once per call. */
  async statusOf(em: EntityManager, permit: TrafficPermit, now: Date): Promise<PermitStatus> {
    return permitStatusAt(permit, now, await this.responseEnd(em));
  }

  async effectiveUntil(em: EntityManager, permit: TrafficPermit): Promise<Date> {
    return permitEffectiveUntil(permit.validUntil, await this.responseEnd(em));
  }

  responseEndOf(em: EntityManager): Promise<Date | null> {
    return this.responseEnd(em);
  }
}

/**
 * `permits.registry`: what other modules read of issued permits, without the permits' tables:
 * public verification and the revocation list (by number), dispatch links.
 */
export class PermitRegistry {
  constructor(private readonly responseEnd: ResponseEnd) {}

  /**
   * The permit with that number (as typed: normalised first), or null; a malformed number is null
   * without a read. `at` is when its status is told: pass the request's `ctx.clock.now()` (the
   * wall clock otherwise, which a test's ManualClock does not move).
   */
  async findByNumber(em: EntityManager, number: string, at: Date = new Date()): Promise<PermitRecord | null> {
    const normalised = normalisePermitNumber(number);
    if (!isPermitNumber(normalised)) return null;
    const permit = await em.findOne(TrafficPermit, { number: normalised });
    return permit ? record(permit, at, await this.responseEnd(em)) : null;
  }

  /** Permits revoked at or after `since`, oldest first. */
  async revokedSince(em: EntityManager, since: Date, at: Date = new Date()): Promise<PermitRecord[]> {
    const permits = await em.find(TrafficPermit, { revokedAt: { $gte: since } }, { orderBy: { revokedAt: 'asc', id: 'asc' } });
    const end = await this.responseEnd(em);
    return permits.map((p) => record(p, at, end));
  }
}

function record(permit: TrafficPermit, at: Date, responseEnd: Date | null): PermitRecord {
  return {
    number: permit.number,
    plate: permit.plate,
    greenChannel: permit.greenChannel,
    cargoKind: permit.cargoKind,
    validFrom: permit.validFrom,
    validUntil: permitEffectiveUntil(permit.validUntil, responseEnd),
    revokedAt: permit.revokedAt ?? null,
    status: permitStatusAt(
      { validFrom: permit.validFrom, validUntil: permit.validUntil, revokedAt: permit.revokedAt ?? null },
      at,
      responseEnd,
    ),
  };
}
