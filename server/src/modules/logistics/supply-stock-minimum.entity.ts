import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';

const SupplyStockMinimumSchema = defineEntity({
  name: 'SupplyStockMinimum',
  tableName: 'supply_stock_minimum',
  properties: {
    ...baseProperties,
    itemId: p.uuid(),
    placeId: p.uuid(),
    minimum: p.integer(),
  },
});

/** The least an item should be held at a place; below it, an alert. */
export class SupplyStockMinimum extends SupplyStockMinimumSchema.class {}
SupplyStockMinimumSchema.setClass(SupplyStockMinimum);
export { SupplyStockMinimumSchema };
