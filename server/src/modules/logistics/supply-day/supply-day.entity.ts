import { defineEntity, p } from '@mikro-orm/core';

const SupplyDaySettingSchema = defineEntity({
  name: 'SupplyDaySetting',
  tableName: 'supply_day_setting',
  properties: {
    id: p.smallint().primary(),
    needsBy: p.string().length(5),
    planApprovedBy: p.string().length(5),
    deliveredBy: p.string().length(5),
    summaryBy: p.string().length(5),
    updatedAt: p.datetime(),
    updatedByName: p.string().length(100).default(''),
  },
});

/** The supply day's deadlines (one row; absent: 11:00, 12:00, 17:00, 17:30). */
export class SupplyDaySetting extends SupplyDaySettingSchema.class {}
SupplyDaySettingSchema.setClass(SupplyDaySetting);
export { SupplyDaySettingSchema };

const SupplyDaySummarySchema = defineEntity({
  name: 'SupplyDaySummary',
  tableName: 'supply_day_summary',
  properties: {
    day: p.string().length(10).primary(),
    readyAt: p.datetime(),
    readyById: p.uuid().nullable(),
    readyByName: p.string().length(100),
  },
});

/** The day's summary was reported to HQ and filed (纪委备案) at `readyAt`. */
export class SupplyDaySummary extends SupplyDaySummarySchema.class {}
SupplyDaySummarySchema.setClass(SupplyDaySummary);
export { SupplyDaySummarySchema };
