import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { PERMIT_OVERLAP_ACTIONS } from '@cc/shared';

const PermitOverlapConfirmationSchema = defineEntity({
  name: 'PermitOverlapConfirmation',
  tableName: 'permit_overlap_confirmation',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    at: p.datetime(),
    /** The permit being approved, attached or granted. */
    permitId: p.uuid(),
    /** The valid permit it overlaps (same plate, route and time). */
    otherPermitId: p.uuid(),
    action: p.enum(PERMIT_OVERLAP_ACTIONS).length(16),
    reason: p.string().length(300),
    byId: p.uuid().nullable(),
    byName: p.string().length(100),
  },
});

/** Someone confirmed that two valid permits of one vehicle overlap on purpose, and why. Append-only. */
export class PermitOverlapConfirmation extends PermitOverlapConfirmationSchema.class {}
PermitOverlapConfirmationSchema.setClass(PermitOverlapConfirmation);
export { PermitOverlapConfirmationSchema };
