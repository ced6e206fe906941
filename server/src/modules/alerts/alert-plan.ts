import type { AlertLevel, AlertStatus, WorkingGroup } from '@cc/shared';
import type { AlertCondition, AlertParams } from '../../core/alerts/alert-rule';

/** What the planner needs of a standing alert. */
export interface StandingAlert {
  id: string;
  dedupeKey: string;
  level: AlertLevel;
  status: AlertStatus;
  recurrence: number;
  params: AlertParams;
  workingGroup: WorkingGroup | null;
  sourceType: string;
  sourceId: string;
  raisedAt: Date;
  escalatedAt: Date | null;
  assignedLeaderId: string | null;
}

export interface AlertPlan {
  /** New conditions: one new alert each. */
  raise: AlertCondition[];
  /** The condition fired again (its recurrence grew): count + `by`, no new alert. */
  fold: { alert: StandingAlert; condition: AlertCondition; by: number }[];
  /** Same firing, but what the alert says changed (e.g. a renamed incident). */
  refresh: { alert: StandingAlert; condition: AlertCondition }[];
  /** Standing alerts whose condition is no longer true. */
  resolve: StandingAlert[];
}

/**
 * Diffs what a rule says is true now against the rule's standing alerts. Pure and
 * idempotent: planning again after applying a plan gives an empty plan, which is why two
 * replicas evaluating the same rule one after the other change nothing twice.
 */
export function planAlertChanges(
  standing: readonly StandingAlert[],
  conditions: readonly AlertCondition[],
  defaultGroup: WorkingGroup | null,
): AlertPlan {
  const plan: AlertPlan = { raise: [], fold: [], refresh: [], resolve: [] };
  const byKey = new Map(standing.map((a) => [a.dedupeKey, a]));
  const seen = new Set<string>();
  for (const condition of conditions) {
    if (seen.has(condition.dedupeKey)) continue; // a rule naming one condition twice means one alert
    seen.add(condition.dedupeKey);
    const alert = byKey.get(condition.dedupeKey);
    if (!alert) {
      plan.raise.push(condition);
      continue;
    }
    const recurrence = condition.recurrence ?? 0;
    if (recurrence > alert.recurrence) plan.fold.push({ alert, condition, by: recurrence - alert.recurrence });
    else if (describesDifferently(alert, condition, defaultGroup)) plan.refresh.push({ alert, condition });
  }
  for (const alert of standing) if (!seen.has(alert.dedupeKey)) plan.resolve.push(alert);
  return plan;
}

export function isEmptyPlan(plan: AlertPlan): boolean {
  return plan.raise.length + plan.fold.length + plan.refresh.length + plan.resolve.length === 0;
}

function describesDifferently(alert: StandingAlert, condition: AlertCondition, defaultGroup: WorkingGroup | null): boolean {
  const group = condition.group === undefined ? defaultGroup : condition.group;
  return (
    alert.workingGroup !== group ||
    alert.sourceType !== condition.source.entityType ||
    alert.sourceId !== condition.source.entityId ||
    !sameParams(alert.params, condition.params)
  );
}

function sameParams(a: AlertParams, b: AlertParams): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
