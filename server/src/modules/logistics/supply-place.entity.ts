import { defineEntity, p } from '@mikro-orm/core';
import { SUPPLY_PLACE_KINDS } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const SupplyPlaceSchema = defineEntity({
  name: 'SupplyPlace',
  tableName: 'supply_place',
  properties: {
    ...baseProperties,
    code: p.string().length(40).unique(),
    name: p.string().length(80),
    kind: p.enum(SUPPLY_PLACE_KINDS).length(12),
    unitId: p.uuid().nullable(),
    keeperId: p.uuid().nullable(),
    keeperName: p.string().length(100).default(''),
    standInId: p.uuid().nullable(),
    standInName: p.string().length(100).default(''),
    active: p.boolean().default(true),
  },
});

/** A place that holds stock: a depot (仓库, 专人专库), a traffic checkpoint (交通检疫点) or a member unit. */
export class SupplyPlace extends SupplyPlaceSchema.class {}
SupplyPlaceSchema.setClass(SupplyPlace);
export { SupplyPlaceSchema };
