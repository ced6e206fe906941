import { defineEntity, p } from '@mikro-orm/core';
import { ALERT_LEVELS, ALERT_RESOLUTIONS, ALERT_STATUSES, WORKING_GROUPS } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';
import type { AlertParams } from '../../core/alerts/alert-rule';

const AlertSchema = defineEntity({
  name: 'Alert',
  tableName: 'alert',
  properties: {
    ...baseProperties,
    ruleId: p.string().length(60),
    level: p.enum(ALERT_LEVELS).length(10),
    /** Whose alert it is: that group's staff see it (leaders see all); null is HQ-wide. */
    workingGroup: p.enum(WORKING_GROUPS).length(20).nullable(),
    /** The condition within the rule; at most one standing alert per (rule, key). */
    dedupeKey: p.string().length(200),
    messageKey: p.string().length(120),
    params: p.json<AlertParams>(),
    sourceType: p.string().length(60),
    sourceId: p.string().length(100),
    /** How many firings are folded into this one alert. */
    count: p.integer().default(1),
    /** The rule's recurrence number last folded in (see AlertCondition.recurrence). */
    recurrence: p.integer().default(0),
    status: p.enum(ALERT_STATUSES).length(12).default('RAISED'),
    raisedAt: p.datetime(),
    lastSeenAt: p.datetime(),
    acknowledgedAt: p.datetime().nullable(),
    acknowledgedById: p.uuid().nullable(),
    resolvedAt: p.datetime().nullable(),
    /** Null when the condition cleared by itself. */
    resolvedById: p.uuid().nullable(),
    resolution: p.enum(ALERT_RESOLUTIONS).length(20).nullable(),
    resolutionNote: p.string().length(1000).default(''),
    escalationLevel: p.integer().default(0),
    escalatedAt: p.datetime().nullable(),
    /** The leader a critical alert is with now; moves on when nobody acknowledges it in time. */
    assignedLeaderId: p.uuid().nullable(),
  },
});

/** 预警/告警: a condition a rule found true, raised once, folded while it stands, resolved when it clears. */
export class Alert extends AlertSchema.class {}
AlertSchema.setClass(Alert);
export { AlertSchema };
