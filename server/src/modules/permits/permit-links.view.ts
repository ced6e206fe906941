import { permitValidAt, type PermitFacts } from '@cc/shared';
import type { LinkedPermitType } from './permit-links.types';

/** A permit's facts as the LinkedPermit the dispatch screens show. */
export function linkedPermit(permit: PermitFacts, now: Date): LinkedPermitType {
  return {
    id: permit.id,
    number: permit.number,
    plate: permit.plate,
    driverName: permit.driverName,
    cargoKind: permit.cargoKind,
    origin: permit.route.origin,
    destinations: [...permit.route.destinations],
    validFrom: permit.validFrom,
    validUntil: permit.validUntil,
    valid: permitValidAt(permit, now),
  };
}
