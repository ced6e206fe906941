import { defineEntity, p } from '@mikro-orm/core';
import { DOCUMENT_DIRECTIONS, DOCUMENT_ROUTING_PURPOSES, WORKING_GROUPS } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const DocumentSchema = defineEntity({
  name: 'Document',
  tableName: 'document',
  properties: {
    ...baseProperties,
    direction: p.enum(DOCUMENT_DIRECTIONS).length(10),
    docNumber: p.string().length(60),
    title: p.string().length(200),
    issuer: p.string().length(120),
    summary: p.string().length(2000).default(''),
    registeredAt: p.datetime(),
    registeredById: p.uuid().nullable(),
    registeredByName: p.string().length(100).default(''),
  },
});

/** 收文 or 发文: a document the coordination group registered and circulates (文件运转). */
export class Document extends DocumentSchema.class {}
DocumentSchema.setClass(Document);
export { DocumentSchema };

const DocumentRoutingSchema = defineEntity({
  name: 'DocumentRouting',
  tableName: 'document_routing',
  properties: {
    ...baseProperties,
    documentId: p.uuid(),
    targetGroup: p.enum(WORKING_GROUPS).length(16).nullable(),
    targetUnitId: p.uuid().nullable(),
    targetUserId: p.uuid().nullable(),
    /** The unit's or person's name when routed; empty for a group. */
    targetName: p.string().length(120).default(''),
    purpose: p.enum(DOCUMENT_ROUTING_PURPOSES).length(4),
    dueAt: p.datetime().nullable(),
    routedAt: p.datetime(),
    routedById: p.uuid().nullable(),
    readAt: p.datetime().nullable(),
    readById: p.uuid().nullable(),
    readByName: p.string().length(100).default(''),
    signedAt: p.datetime().nullable(),
    signedById: p.uuid().nullable(),
    signedByName: p.string().length(100).default(''),
    signNote: p.string().length(500).default(''),
    remindedAt: p.datetime().nullable(),
    remindCount: p.integer().default(0),
  },
});

/** One routed copy of a document: to a group, a unit or a person, to read (阅知) or sign for (签收). */
export class DocumentRouting extends DocumentRoutingSchema.class {}
DocumentRoutingSchema.setClass(DocumentRouting);
export { DocumentRoutingSchema };
