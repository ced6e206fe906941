import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';

const StandingPermitSchema = defineEntity({
  name: 'StandingPermit',
  tableName: 'standing_permit',
  properties: {
    ...baseProperties,
    /** One standing permit per standby vehicle, and one vehicle per permit (unique in the database). */
    vehicleId: p.uuid().unique(),
    permitId: p.uuid().unique(),
    plate: p.string().length(16),
    grantedAt: p.datetime(),
    grantedById: p.uuid().nullable(),
    grantedByName: p.string().length(100),
  },
});

/**
 * A permit a standby vehicle holds between jobs (长期通行证), so it can leave at once: the
 * standby board shows it and vehicle suggestions prefer its holder. Withdrawing deletes the row;
 * the audit trail keeps who granted and withdrew it.
 */
export class StandingPermit extends StandingPermitSchema.class {}
StandingPermitSchema.setClass(StandingPermit);
export { StandingPermitSchema };
