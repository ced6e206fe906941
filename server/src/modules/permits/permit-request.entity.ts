import { defineEntity, p } from '@mikro-orm/core';
import { PERMIT_CARGO_KINDS, PERMIT_REQUEST_STATUSES, PERMIT_VEHICLE_TYPES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const PermitRequestSchema = defineEntity({
  name: 'PermitRequest',
  tableName: 'permit_request',
  properties: {
    ...baseProperties,
    /** The sponsoring member unit: its liaison files and follows the request. */
    unitId: p.uuid(),
    /** The unit's name when filed, so a page of the queue needs no second read. */
    unitName: p.string().length(200),
    applicantName: p.string().length(200),
    contactName: p.string().length(100),
    /** As people write it (138 0000 0000), checked by shared/src/domain/phones.ts. */
    contactPhone: p.string().length(30),
    plate: p.string().length(10),
    vehicleType: p.enum(PERMIT_VEHICLE_TYPES).length(20),
    driverName: p.string().length(100),
    /** 110***********1234: the full number is checked when filed and never kept (ADR 0015). */
    driverIdMasked: p.string().length(18),
    cargoKind: p.enum(PERMIT_CARGO_KINDS).length(24),
    cargoDescription: p.string().length(500).nullable(),
    /** 三不一优先: kept with the row so the queue's order is one index scan. */
    greenChannel: p.boolean(),
    origin: p.string().length(200),
    destinations: p.json<string[]>(),
    requestedFrom: p.datetime(),
    requestedUntil: p.datetime(),
    status: p.enum(PERMIT_REQUEST_STATUSES).length(12),
    filedAt: p.datetime(),
    /** When it last entered the queue (filed or answered): how long HQ has kept it waiting. */
    submittedAt: p.datetime(),
    filedById: p.uuid().nullable(),
    filedByName: p.string().length(100),
    /** The duty-phone call a dispatcher filed it from, on the caller's behalf. */
    dutyCallId: p.uuid().nullable(),
    question: p.string().length(500).nullable(),
    answer: p.string().length(1000).nullable(),
    decidedAt: p.datetime().nullable(),
    decidedById: p.uuid().nullable(),
    decidedByName: p.string().length(100).nullable(),
    rejectionReason: p.string().length(500).nullable(),
  },
});

/** 通行证申请: what an applicant asked for, and where its review stands. */
export class PermitRequest extends PermitRequestSchema.class {}
PermitRequestSchema.setClass(PermitRequest);
export { PermitRequestSchema };
