import type { EntityManager } from '@mikro-orm/postgresql';
import type { AlertLevel, WorkingGroup } from '@cc/shared';
import type { TopicName } from '../realtime/topics';

/** One configurable number of a rule, with the range an administrator may set it to. */
export interface ThresholdSpec {
  default: number;
  min: number;
  max: number;
  unit: 'minutes' | 'hours' | 'count' | 'vehicles' | 'days';
  description: string;
}

export type ThresholdSpecs = Readonly<Record<string, ThresholdSpec>>;
export type Thresholds<S extends ThresholdSpecs> = { readonly [K in keyof S]: number };

/** Values an alert's message is rendered from (zh-CN and en catalogues in the console). */
export type AlertParams = Readonly<Record<string, string | number>>;

/** What a rule sees while it evaluates: the evaluation's transaction and the time of the evaluation. */
export interface RuleContext {
  em: EntityManager;
  now: Date;
}

/** One condition that is true now. The engine keeps one standing alert per dedupeKey. */
export interface AlertCondition {
  /** Stable identity of the condition within the rule, e.g. the incident's id. */
  dedupeKey: string;
  /** The record the alert points at; the console links to it. */
  source: { entityType: string; entityId: string };
  params: AlertParams;
  /**
   * How many times this condition has fired again while it stood (e.g. each further full
   * period an incident stays unacknowledged). It only grows; each increase is folded into the
   * standing alert as count + 1 instead of a new alert. Derived from the data, so evaluating
   * twice gives the same answer: that is what makes evaluation safe on several replicas.
   */
  recurrence?: number;
  /** Whose alert it is (defaults to the rule's group); null is HQ-wide. */
  group?: WorkingGroup | null;
}

/**
 * A declarative alert rule: which events wake it, what it considers true now, and the
 * thresholds an administrator may tune. Rules never write: the engine diffs their answer
 * against the standing alerts and raises, folds or resolves.
 */
export interface AlertRuleDefinition<S extends ThresholdSpecs = ThresholdSpecs> {
  id: string;
  level: AlertLevel;
  /** The working group whose alerts these are by default; null for HQ-wide. */
  group: WorkingGroup | null;
  description: string;
  thresholds: S;
  /** Minutes an unacknowledged CRITICAL alert waits before it moves to the next leader; null: never. */
  escalationMinutes: number | null;
  /** Topics whose events make the engine re-evaluate this rule (it also runs on every clock tick). */
  triggers: readonly TopicName[];
  evaluate(ctx: RuleContext, thresholds: Thresholds<S>): Promise<AlertCondition[]>;
  /** A plain English line for clients without the console's message catalogue. */
  summary(params: AlertParams): string;
}

/** Types a rule definition (and its thresholds) without widening it. */
export function defineAlertRule<const S extends ThresholdSpecs>(rule: AlertRuleDefinition<S>): AlertRuleDefinition<S> {
  return rule;
}

const MINUTE = 60_000;

/** Whole periods of `periodMinutes` elapsed since `since`, never negative: a recurrence count. */
export function periodsSince(since: Date, now: Date, periodMinutes: number): number {
  if (periodMinutes <= 0) return 0;
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / (periodMinutes * MINUTE)));
}
