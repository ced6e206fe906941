import { defineEntity, p } from '@mikro-orm/core';
import { SUPPLY_CATEGORIES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const SupplyItemSchema = defineEntity({
  name: 'SupplyItem',
  tableName: 'supply_item',
  properties: {
    ...baseProperties,
    name: p.string().length(60).unique(),
    unitOfMeasure: p.string().length(10),
    category: p.enum(SUPPLY_CATEGORIES).length(24),
    /** Plan 2 §3.4: issued to this member unit (the health system) only; null: anyone. */
    channelUnitId: p.uuid().nullable(),
    coverDaysFloor: p.integer().nullable(),
    active: p.boolean().default(true),
  },
});

/** 物资: one supply item of the catalogue, counted in whole units of its measure. */
export class SupplyItem extends SupplyItemSchema.class {}
SupplyItemSchema.setClass(SupplyItem);
export { SupplyItemSchema };
