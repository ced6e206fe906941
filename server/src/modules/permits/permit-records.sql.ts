import type { EntityManager } from '@mikro-orm/postgresql';
import { normalisePlate, permitEffectiveUntil, type PermitFacts } from '@cc/shared';
import type { ReviewedRequest } from './permit-figures.rules';
import type { PermitRecords } from './permit-records';
import { PermitRequest } from './permit-request.entity';
import type { ResponseEnd } from './permit-request.service';
import { TrafficPermit } from './traffic-permit.entity';

/** An issued permit as the link rules see it: its end cut short by the response's end, as everywhere. */
export function permitFacts(permit: TrafficPermit, responseEnd: Date | null): PermitFacts {
  return {
    id: permit.id,
    number: permit.number,
    plate: permit.plate,
    driverName: permit.driverName,
    cargoKind: permit.cargoKind,
    route: { origin: permit.origin, destinations: permit.destinations },
    validFrom: permit.validFrom,
    validUntil: permitEffectiveUntil(permit.validUntil, responseEnd),
    // A traffic_permit row exists only once issued (requests live in permit_request).
    issued: true,
    revokedAt: permit.revokedAt ?? null,
  };
}

/** The permits module's own records (issued permits, requests) read for the links, the alert and the figures. */
export function permitRecords(responseEnd: ResponseEnd): PermitRecords {
  return {
    async facts(em: EntityManager, ids) {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return [];
      const [rows, end] = await Promise.all([em.find(TrafficPermit, { id: { $in: wanted } }), responseEnd(em)]);
      return rows.map((p) => permitFacts(p, end));
    },
    async validForPlate(em, plate, now) {
      const [rows, end] = await Promise.all([
        em.find(
          TrafficPermit,
          { plate: normalisePlate(plate), revokedAt: null, validUntil: { $gt: now } },
          { orderBy: { validFrom: 'asc', number: 'asc' } },
        ),
        responseEnd(em),
      ]);
      return rows.map((p) => permitFacts(p, end)).filter((p) => p.validUntil.getTime() > now.getTime());
    },
    async waiting(em) {
      const rows = await em.find(PermitRequest, { status: 'SUBMITTED' }, { fields: ['submittedAt'] });
      return rows.map((r) => ({ submittedAt: r.submittedAt }));
    },
    async reviewedBetween(em, { start, end }): Promise<ReviewedRequest[]> {
      const rows = await em.find(
        PermitRequest,
        { $or: [{ filedAt: { $gte: start, $lt: end } }, { decidedAt: { $gte: start, $lt: end } }] },
        { fields: ['cargoKind', 'filedAt', 'submittedAt', 'status', 'decidedAt'] },
      );
      return rows.map((r) => ({
        cargoKind: r.cargoKind,
        filedAt: r.filedAt,
        submittedAt: r.submittedAt,
        decision: r.status === 'APPROVED' || r.status === 'REJECTED' ? r.status : null,
        decidedAt: r.decidedAt ?? null,
      }));
    },
  };
}
