import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../core/database/base-entity';

const TransportCompanySchema = defineEntity({
  name: 'TransportCompany',
  tableName: 'transport_company',
  properties: {
    ...baseProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(60),
    standbyQuota: p.integer().default(5),
  },
});

/** One of the three transport companies of plan 3, with how many vehicles it must keep on standby. */
export class TransportCompany extends TransportCompanySchema.class {}
TransportCompanySchema.setClass(TransportCompany);
export { TransportCompanySchema };
