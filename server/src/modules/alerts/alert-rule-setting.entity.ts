import { defineEntity, p } from '@mikro-orm/core';

const AlertRuleSettingSchema = defineEntity({
  name: 'AlertRuleSetting',
  tableName: 'alert_rule',
  properties: {
    ruleId: p.string().length(60).primary(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    version: p.integer().version(),
    enabled: p.boolean().default(true),
    /** Only the thresholds an administrator changed; the rule's defaults fill the rest. */
    thresholds: p.json<Record<string, number>>(),
    /** Null: the rule's own default. */
    escalationMinutes: p.integer().nullable(),
  },
});

/** An administrator's settings for one alert rule (the rule itself is code). */
export class AlertRuleSetting extends AlertRuleSettingSchema.class {}
AlertRuleSettingSchema.setClass(AlertRuleSetting);
export { AlertRuleSettingSchema };
