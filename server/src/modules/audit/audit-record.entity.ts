import { defineEntity, p } from '@mikro-orm/core';

export const AUDIT_CHANGES = ['CREATE', 'UPDATE', 'DELETE', 'NONE'] as const;
export type AuditChange = (typeof AUDIT_CHANGES)[number];

const AuditRecordSchema = defineEntity({
  name: 'AuditRecord',
  tableName: 'audit_record',
  // Written only by the unit of work (core/audit.ts) with plain SQL; read here. The ORM never
  // flushes it, and the table refuses UPDATE, DELETE and TRUNCATE (migration 0001).
  readonly: true,
  properties: {
    id: p.bigint('string').primary(),
    at: p.datetime(),
    actorId: p.uuid().nullable(),
    requestId: p.text(),
    operation: p.text(),
    transport: p.text(),
    entityType: p.text().nullable(),
    entityId: p.text().nullable(),
    change: p.enum(AUDIT_CHANGES),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
  },
});

/** One row of the append-only audit trail: who changed what, when, in which request. */
export class AuditRecord extends AuditRecordSchema.class {}
AuditRecordSchema.setClass(AuditRecord);
export { AuditRecordSchema };
