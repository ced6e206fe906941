import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';
import type { HandoverItem } from '../../core/handover-items';

/** One open item as the handover keeps it: what the module gave, and whether the last handover had it too. */
export interface StoredHandoverItem extends Omit<HandoverItem, 'dueAt'> {
  /** ISO time (JSON has no dates). */
  dueAt: string | null;
  /** Source module, for the record. */
  module: string;
  /** Already on the previous handover and still open: 遗留事项 carried over. */
  carriedOver: boolean;
}

const ShiftHandoverSchema = defineEntity({
  name: 'ShiftHandover',
  tableName: 'shift_handover',
  properties: {
    ...baseProperties,
    shiftStartedAt: p.datetime(),
    shiftEndsAt: p.datetime(),
    generatedAt: p.datetime(),
    generatedById: p.uuid().nullable(),
    generatedByName: p.string().length(100).default(''),
    items: p.json<StoredHandoverItem[]>(),
    note: p.string().length(4000).default(''),
    previousId: p.uuid().nullable(),
    outgoingSignedAt: p.datetime().nullable(),
    outgoingSignedById: p.uuid().nullable(),
    outgoingSignedByName: p.string().length(100).default(''),
    incomingSignedAt: p.datetime().nullable(),
    incomingSignedById: p.uuid().nullable(),
    incomingSignedByName: p.string().length(100).default(''),
    closedAt: p.datetime().nullable(),
  },
});

/** 交接班: a shift's handover note, its open items, and the outgoing and incoming officers' signatures. */
export class ShiftHandover extends ShiftHandoverSchema.class {}
ShiftHandoverSchema.setClass(ShiftHandover);
export { ShiftHandoverSchema };
