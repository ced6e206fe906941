import { defineEntity, p } from '@mikro-orm/core';
import { DEFAULT_FLEET_READY_FLOOR } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const FleetSettingSchema = defineEntity({
  name: 'FleetSetting',
  tableName: 'fleet_setting',
  properties: {
    ...baseProperties,
    singleton: p.boolean().default(true),
    readyFloor: p.integer().default(DEFAULT_FLEET_READY_FLOOR),
  },
});

/** The fleet-wide settings (one row, created by the migration). */
export class FleetSetting extends FleetSettingSchema.class {}
FleetSettingSchema.setClass(FleetSetting);
export { FleetSettingSchema };
