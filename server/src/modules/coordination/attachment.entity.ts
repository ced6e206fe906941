import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';

const AttachmentSchema = defineEntity({
  name: 'Attachment',
  tableName: 'attachment',
  properties: {
    ...baseProperties,
    filename: p.string().length(200),
    kind: p.string().length(8),
    contentType: p.string().length(100),
    sizeBytes: p.integer(),
    sha256: p.string().length(64),
    uploadedById: p.uuid().nullable(),
    uploadedByName: p.string().length(100).default(''),
    ownerType: p.string().length(40).nullable(),
    ownerId: p.uuid().nullable(),
  },
});

/**
 * What is known of a stored file. Its bytes live in attachment_content, written and read with
 * SQL of their own (attachment.store.ts), so no list or audit row ever carries them.
 */
export class Attachment extends AttachmentSchema.class {}
AttachmentSchema.setClass(Attachment);
export { AttachmentSchema };
