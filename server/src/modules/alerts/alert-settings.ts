import { domainError } from '../../core/errors';
import type { AlertRuleSetting } from './alert-rule-setting.entity';
import type { AlertRuleDefinition } from '../../core/alerts/alert-rule';

/** A rule's settings in force: the administrator's values over the rule's defaults. */
export interface EffectiveSettings {
  enabled: boolean;
  thresholds: Record<string, number>;
  escalationMinutes: number | null;
}

export function effectiveSettings(rule: AlertRuleDefinition, row: AlertRuleSetting | null): EffectiveSettings {
  const thresholds: Record<string, number> = {};
  for (const [key, spec] of Object.entries(rule.thresholds)) {
    const stored = row?.thresholds[key];
    // A stored value outside today's range (the range changed in code) falls back to the default.
    thresholds[key] = typeof stored === 'number' && stored >= spec.min && stored <= spec.max ? stored : spec.default;
  }
  return {
    enabled: row?.enabled ?? true,
    thresholds,
    escalationMinutes: rule.level === 'CRITICAL' ? (row?.escalationMinutes ?? rule.escalationMinutes) : null,
  };
}

/** Checks an administrator's new thresholds against the rule's ranges; names the bad one. */
export function validateThresholds(rule: AlertRuleDefinition, values: readonly { key: string; value: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { key, value } of values) {
    const spec = rule.thresholds[key];
    if (!spec) {
      throw domainError(
        'BAD_USER_INPUT',
        `Rule ${rule.id} has no threshold "${key}". It has: ${Object.keys(rule.thresholds).join(', ') || 'none'}.`,
        {
          field: 'thresholds',
          reason: 'alert/unknown_threshold',
          key,
        },
      );
    }
    if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
      throw domainError('BAD_USER_INPUT', `${key} must be between ${spec.min} and ${spec.max} ${spec.unit}.`, {
        field: 'thresholds',
        reason: 'alert/threshold_out_of_range',
        key,
        min: spec.min,
        max: spec.max,
      });
    }
    out[key] = value;
  }
  return out;
}

export function validateEscalationMinutes(rule: AlertRuleDefinition, minutes: number): number {
  if (rule.level !== 'CRITICAL') {
    throw domainError('BAD_USER_INPUT', 'Only critical alerts escalate; this rule raises ' + rule.level.toLowerCase() + ' alerts.', {
      field: 'escalationMinutes',
      reason: 'alert/not_escalating',
    });
  }
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw domainError('BAD_USER_INPUT', 'Escalation time must be a whole number of minutes from 1 to 1440.', {
      field: 'escalationMinutes',
    });
  }
  return minutes;
}
