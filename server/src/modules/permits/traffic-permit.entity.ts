import { defineEntity, p } from '@mikro-orm/core';
import { PERMIT_CARGO_KINDS, PERMIT_VEHICLE_TYPES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const TrafficPermitSchema = defineEntity({
  name: 'TrafficPermit',
  tableName: 'traffic_permit',
  properties: {
    ...baseProperties,
    /** TXZ- + 12 random Crockford characters + a check character: unguessable, unique. */
    number: p.string().length(17).unique(),
    requestId: p.uuid().unique(),
    unitId: p.uuid(),
    unitName: p.string().length(200),
    applicantName: p.string().length(200),
    plate: p.string().length(10),
    vehicleType: p.enum(PERMIT_VEHICLE_TYPES).length(20),
    driverName: p.string().length(100),
    driverIdMasked: p.string().length(18),
    cargoKind: p.enum(PERMIT_CARGO_KINDS).length(24),
    greenChannel: p.boolean(),
    origin: p.string().length(200),
    destinations: p.json<string[]>(),
    validFrom: p.datetime(),
    validUntil: p.datetime(),
    issuedAt: p.datetime(),
    issuedById: p.uuid().nullable(),
    issuedByName: p.string().length(100),
    revokedAt: p.datetime().nullable(),
    revokedById: p.uuid().nullable(),
    revokedByName: p.string().length(100).nullable(),
    revocationReason: p.string().length(500).nullable(),
  },
});

/**
 * 通行证: the permit as issued, a copy of the approved request that never changes afterwards;
 * only its revocation is ever written, once (database trigger). Its status is derived, not kept.
 */
export class TrafficPermit extends TrafficPermitSchema.class {}
TrafficPermitSchema.setClass(TrafficPermit);
export { TrafficPermitSchema };
