import type { EntityManager } from '@mikro-orm/postgresql';
import { normalisePlate, type PermitCargo, type PermitFacts } from '@cc/shared';
import type { ReviewedRequest } from './permit-figures.rules';
import type { PermitRecords } from './permit-records';

// PLACEHOLDER until the permits tables (migration 0012) are merged: the columns are guessed.
interface PermitRow {
  id: string;
  number: string;
  plate: string;
  driver_name: string;
  cargo_kind: PermitCargo;
  origin: string;
  destination: string;
  valid_from: Date | string;
  valid_until: Date | string;
  issued: boolean;
  revoked_at: Date | string | null;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

const SELECT = `select p.id, p.number, p.plate, p.driver_name, p.cargo_kind, p.origin, p.destination, p.valid_from, p.valid_until,
  p.status in ('ISSUED', 'REVOKED') as issued, p.revoked_at from traffic_permit p`;

function toFacts(row: PermitRow): PermitFacts {
  return {
    id: row.id,
    number: row.number,
    plate: row.plate,
    driverName: row.driver_name,
    cargoKind: row.cargo_kind,
    route: { origin: row.origin, destination: row.destination },
    validFrom: date(row.valid_from),
    validUntil: date(row.valid_until),
    issued: row.issued,
    revokedAt: row.revoked_at === null ? null : date(row.revoked_at),
  };
}

/** The permits module's own tables read as the link rules' facts. */
export const sqlPermitRecords: PermitRecords = {
  async facts(em: EntityManager, ids) {
    if (ids.length === 0) return [];
    const rows = await em.execute<PermitRow[]>(`${SELECT} where p.id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
    return rows.map(toFacts);
  },
  async validForPlate(em, plate, now) {
    const rows = await em.execute<PermitRow[]>(
      `${SELECT} where p.plate = ? and p.status = 'ISSUED' and p.revoked_at is null and p.valid_until > ? order by p.valid_from, p.number`,
      [normalisePlate(plate), now],
    );
    return rows.map(toFacts);
  },
  async waiting(em) {
    const rows = await em.execute<{ submitted_at: Date | string }[]>(`select submitted_at from traffic_permit where status = 'SUBMITTED'`);
    return rows.map((r) => ({ submittedAt: date(r.submitted_at) }));
  },
  async reviewedBetween(em, { start, end }): Promise<ReviewedRequest[]> {
    const rows = await em.execute<
      { cargo_kind: PermitCargo; submitted_at: Date | string; decision: 'APPROVED' | 'REJECTED' | null; decided_at: Date | string | null }[]
    >(
      `select cargo_kind, submitted_at, decision, decided_at from traffic_permit
       where (submitted_at >= ? and submitted_at < ?) or (decided_at >= ? and decided_at < ?)`,
      [start, end, start, end],
    );
    return rows.map((r) => ({
      cargoKind: r.cargo_kind,
      submittedAt: date(r.submitted_at),
      decision: r.decision,
      decidedAt: r.decided_at === null ? null : date(r.decided_at),
    }));
  },
};
