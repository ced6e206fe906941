import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { SUPPLY_ENTRY_KINDS } from '@cc/shared';

const SupplyEntrySchema = defineEntity({
  name: 'SupplyEntry',
  tableName: 'supply_entry',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    kind: p.enum(SUPPLY_ENTRY_KINDS).length(12),
    itemId: p.uuid(),
    quantity: p.integer(),
    fromPlaceId: p.uuid().nullable(),
    toPlaceId: p.uuid().nullable(),
    reservedForUnitId: p.uuid().nullable(),
    recipientUnitId: p.uuid().nullable(),
    recipientText: p.string().length(120).default(''),
    intakeId: p.uuid().nullable(),
    reversesEntryId: p.uuid().nullable(),
    reason: p.string().length(300).default(''),
    note: p.string().length(500).default(''),
    postedAt: p.datetime(),
    postedById: p.uuid().nullable(),
    postedByName: p.string().length(100),
  },
});

/**
 * One line of the supply ledger (台账): appended, never changed (the database refuses UPDATE and
 * DELETE). Its insert trigger moves the balances; `seq` (the ledger's order) is the database's.
 */
export class SupplyEntry extends SupplyEntrySchema.class {}
SupplyEntrySchema.setClass(SupplyEntry);
export { SupplyEntrySchema };
