import { defineEntity, p } from '@mikro-orm/core';
import { SUPPLY_INTAKE_STEPS, SUPPLY_SOURCES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const SupplyIntakeSchema = defineEntity({
  name: 'SupplyIntake',
  tableName: 'supply_intake',
  properties: {
    ...baseProperties,
    itemId: p.uuid(),
    placeId: p.uuid(),
    quantity: p.integer(),
    source: p.enum(SUPPLY_SOURCES).length(24),
    supplier: p.string().length(120).default(''),
    reservedForUnitId: p.uuid().nullable(),
    filedAfterPurchase: p.boolean().default(false),
    purchasedOn: p.date().nullable(),
    status: p.enum(SUPPLY_INTAKE_STEPS).length(12),
    acceptedAt: p.datetime(),
    acceptedById: p.uuid().nullable(),
    acceptedByName: p.string().length(100),
    verifiedAt: p.datetime().nullable(),
    verifiedById: p.uuid().nullable(),
    verifiedByName: p.string().length(100).nullable(),
    qualityNote: p.string().length(500).default(''),
    registeredAt: p.datetime().nullable(),
    registeredById: p.uuid().nullable(),
    registeredByName: p.string().length(100).nullable(),
    stockedAt: p.datetime().nullable(),
    stockedById: p.uuid().nullable(),
    stockedByName: p.string().length(100).nullable(),
    note: p.string().length(500).default(''),
  },
});

/** 入库单: one receipt through 验收、核实、登记、入库; the ledger entry is posted at the last step. */
export class SupplyIntake extends SupplyIntakeSchema.class {}
SupplyIntakeSchema.setClass(SupplyIntake);
export { SupplyIntakeSchema };
