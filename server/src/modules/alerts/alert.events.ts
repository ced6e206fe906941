import type { AlertLevel, AlertStatus, WorkingGroup } from '@cc/shared';

/** What an alert event carries: enough to filter it by scope without a read; consoles re-read the alert. */
export interface AlertEventPayload {
  ruleId: string;
  level: AlertLevel;
  status: AlertStatus;
  group: WorkingGroup | null;
  count: number;
  escalationLevel: number;
  /** 'raised', 'count', 'details', 'status', 'escalation'. */
  changed: string[];
}

/** An administrator changed a rule's settings: every replica re-evaluates that rule. */
export interface AlertRuleEventPayload {
  enabled: boolean;
}

declare module '../../core/realtime/topics' {
  interface Topics {
    alert: AlertEventPayload;
    alertRule: AlertRuleEventPayload;
  }
}

export const ALERT_TOPIC = 'alert' as const;
export const ALERT_RULE_TOPIC = 'alertRule' as const;
