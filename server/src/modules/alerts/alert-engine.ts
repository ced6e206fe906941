import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { STANDING_ALERT_STATUSES, type WorkingGroup } from '@cc/shared';
import type { Clock } from '../../core/clock';
import type { Context } from '../../core/context';
import { ADVISORY_LOCK_CLASSES } from '../../core/database/advisory-locks';
import type { Orm } from '../../core/database/orm';
import type { Logger } from '../../core/logger';
import type { EventHub } from '../../core/realtime/event-hub';
import type { EventRecord } from '../../core/realtime/topics';
import { commit } from '../../core/unit-of-work';
import { Alert } from './alert.entity';
import { ALERT_RULE_TOPIC, ALERT_TOPIC } from './alert.events';
import { isEmptyPlan, planAlertChanges, type StandingAlert } from './alert-plan';
import { AlertRuleSetting } from './alert-rule-setting.entity';
import { effectiveSettings, type EffectiveSettings } from './alert-settings';
import { escalationDue, nextLeader } from './escalation';
import { evaluationDelay } from './evaluation-pacing';
import type { LeaderRoster } from './leader-roster';
import type { AlertCondition, AlertRuleDefinition } from '../../core/alerts/alert-rule';

/** What the engine needs from the running server; given at start, so modules can be built without it. */
export interface AlertEngineRuntime {
  orm: Orm;
  hub: EventHub;
  clock: Clock;
  logger: Logger;
}

export interface AlertEngineOptions {
  /** How often every rule is evaluated on the clock (deadlines passing are events too). */
  tickMs?: number;
  /** Events within this window wake a rule once. */
  debounceMs?: number;
  /**
   * Event-triggered evaluations of one rule start at most this often. A burst of changes (a
   * busy board, a bulk import) then costs a few evaluations a second instead of one per
   * change; the first change after a quiet spell is still evaluated after `debounceMs`.
   */
  minIntervalMs?: number;
}

/** What one evaluation of one rule changed. */
export interface EvaluationOutcome {
  ruleId: string;
  raised: number;
  folded: number;
  refreshed: number;
  resolved: number;
  escalated: number;
}

/** Advisory-lock class of alert rules (two-key form: this class, hashtext(rule id)). */
const ALERT_RULE_LOCK_CLASS = ADVISORY_LOCK_CLASSES.alertRule;

/** Thrown inside the transaction when nothing changed: it rolls back, so no audit row is written for a no-op. */
const UNCHANGED = Symbol('unchanged');

interface RuleState {
  timer?: NodeJS.Timeout;
  /** When the last event-triggered evaluation started (ms since the epoch). */
  lastStartedAt?: number;
  /** How long it took, start to end (ms): an expensive rule is paced further apart. */
  lastDurationMs?: number;
  running?: Promise<unknown>;
  again: boolean;
}

/**
 * Evaluates the declarative alert rules on events and on a clock, and turns their answers
 * into alert changes: raise, fold (count), refresh, resolve, escalate.
 *
 * Exactly once across replicas: every replica evaluates, but each evaluation of a rule runs
 * in one transaction holding that rule's advisory lock, so evaluations of one rule are
 * serialised cluster-wide; the evaluation is a diff of data-derived conditions against the
 * standing alerts, so the second of two evaluations finds nothing to do. The partial unique
 * index on (rule_id, dedupe_key) is the backstop: a double raise cannot commit. Every alert
 * change is written through the unit of work, with its outbox event, so it reaches every
 * replica's subscribers once (ADR 0008).
 */
export class AlertEngine {
  private readonly rules = new Map<string, AlertRuleDefinition>();
  private readonly states = new Map<string, RuleState>();
  private runtime: AlertEngineRuntime | undefined;
  private unsubscribe: (() => void) | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private ticking: Promise<EvaluationOutcome[]> | undefined;
  private readonly tickMs: number;
  private readonly debounceMs: number;
  private readonly minIntervalMs: number;

  constructor(
    private readonly roster: LeaderRoster,
    options: AlertEngineOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 15_000;
    this.debounceMs = options.debounceMs ?? 25;
    this.minIntervalMs = options.minIntervalMs ?? 500;
  }

  /** Modules plug their rules in here, before the server starts. */
  register(rule: AlertRuleDefinition): void {
    if (this.rules.has(rule.id)) throw new Error(`Alert rule ${rule.id} is registered twice.`);
    if (this.runtime) throw new Error(`Register alert rule ${rule.id} before the engine starts.`);
    this.rules.set(rule.id, rule);
  }

  rule(id: string): AlertRuleDefinition | undefined {
    return this.rules.get(id);
  }

  list(): AlertRuleDefinition[] {
    return [...this.rules.values()];
  }

  async start(runtime: AlertEngineRuntime): Promise<void> {
    this.runtime = runtime;
    await this.ensureSettingRows(runtime.orm.em.fork());
    this.unsubscribe = runtime.hub.subscribe((event) => this.onEvent(event));
    this.tickTimer = setInterval(() => {
      this.tick().catch((error: unknown) => runtime.logger.warn({ err: error }, 'alert tick failed; the next one retries'));
    }, this.tickMs);
    this.tickTimer.unref();
    // Catch up with whatever became true while no server was running.
    this.tick().catch((error: unknown) => runtime.logger.warn({ err: error }, 'first alert tick failed'));
  }

  /** Stops listening and ticking, and waits for evaluations under way. */
  async stop(): Promise<void> {
    clearInterval(this.tickTimer);
    this.unsubscribe?.();
    for (const state of this.states.values()) {
      clearTimeout(state.timer);
      state.timer = undefined;
      state.again = false;
    }
    await this.idle().catch(() => undefined);
    this.runtime = undefined;
  }

  /** Evaluates every rule now (escalations included). One tick at a time per process. */
  tick(): Promise<EvaluationOutcome[]> {
    if (this.ticking) return this.ticking;
    this.ticking = (async () => {
      const outcomes: EvaluationOutcome[] = [];
      const failures: unknown[] = [];
      for (const rule of this.rules.values()) {
        try {
          outcomes.push(await this.evaluateRule(rule));
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length) throw new AggregateError(failures, `${failures.length} alert rule(s) failed to evaluate`);
      return outcomes;
    })().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** Evaluates one rule now, without waiting for an event or the clock. */
  evaluate(ruleId: string): Promise<EvaluationOutcome> {
    const rule = this.rules.get(ruleId);
    if (!rule) return Promise.reject(new Error(`No alert rule ${ruleId}.`));
    return this.evaluateRule(rule);
  }

  /** Resolves once no evaluation is scheduled or running in this process (tests wait on it). */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.states.values()].filter((s) => s.timer || s.running);
      if (busy.length === 0 && !this.ticking) return;
      // A debounce timer settles by itself; wait a little longer than it rather than spinning.
      const waits: Promise<unknown>[] = [new Promise((resolve) => setTimeout(resolve, this.debounceMs + 5))];
      for (const s of busy) if (s.running) waits.push(s.running.catch(() => undefined));
      if (this.ticking) waits.push(this.ticking.catch(() => undefined));
      await Promise.race(waits);
    }
  }

  async settingsOf(em: EntityManager, rule: AlertRuleDefinition): Promise<EffectiveSettings> {
    return effectiveSettings(rule, await em.findOne(AlertRuleSetting, { ruleId: rule.id }));
  }

  // ---- scheduling ----

  private onEvent(event: EventRecord): void {
    if (event.topic === ALERT_TOPIC) return; // alerts never trigger rules: no feedback loops
    if (event.topic === ALERT_RULE_TOPIC) {
      if (this.rules.has(event.entityId)) this.schedule(event.entityId);
      return;
    }
    for (const rule of this.rules.values()) if (rule.triggers.includes(event.topic)) this.schedule(rule.id);
  }

  /**
   * Debounced and throttled per rule; an event arriving while the rule runs makes it run once
   * more afterwards. Uses the wall clock, not the engine's clock: this is pacing, not a deadline.
   */
  private schedule(ruleId: string): void {
    if (!this.runtime) return;
    const state = this.states.get(ruleId) ?? { again: false };
    this.states.set(ruleId, state);
    if (state.running) {
      state.again = true;
      return;
    }
    if (state.timer) return;
    const delay = evaluationDelay(state.lastStartedAt, Date.now(), this.debounceMs, this.minIntervalMs, state.lastDurationMs);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      const rule = this.rules.get(ruleId);
      if (!rule || !this.runtime) return;
      state.lastStartedAt = Date.now();
      const logger = this.runtime.logger;
      state.running = this.evaluateRule(rule)
        .catch((error: unknown) => logger.warn({ err: error, ruleId }, 'alert rule evaluation failed; the next tick retries'))
        .finally(() => {
          state.running = undefined;
          state.lastDurationMs = Date.now() - state.lastStartedAt!;
          if (state.again) {
            state.again = false;
            this.schedule(ruleId);
          }
        });
    }, delay);
  }

  // ---- evaluation ----

  private async evaluateRule(rule: AlertRuleDefinition): Promise<EvaluationOutcome> {
    const runtime = this.runtime;
    if (!runtime) throw new Error('The alert engine is not running.');
    const outcome: EvaluationOutcome = { ruleId: rule.id, raised: 0, folded: 0, refreshed: 0, resolved: 0, escalated: 0 };
    const ctx: Context = {
      requestId: `alert-engine:${randomUUID()}`,
      transport: 'system',
      viewer: null,
      em: runtime.orm.em.fork(),
      idempotencyKey: undefined,
      clock: runtime.clock,
      hub: runtime.hub,
      logger: runtime.logger,
    };
    try {
      return await commit(ctx, 'evaluateAlertRule', { ruleId: rule.id }, async (tx) => {
        await lockRule(tx.em, rule.id);
        const settings = await this.settingsOf(tx.em, rule);
        const standing = await tx.em.find(
          Alert,
          { ruleId: rule.id, status: { $in: [...STANDING_ALERT_STATUSES] } },
          { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
        );
        // Read after the lock, and never older than the time the rule's standing alerts were last
        // seen at: a replica whose clock is behind another's must not resolve a deadline alert the
        // other raised (the deadline has not passed by its clock) only for it to be raised again.
        const now = notBefore(runtime.clock.now(), standing);
        const conditions = settings.enabled ? await rule.evaluate({ em: tx.em, now }, settings.thresholds) : [];
        const plan = planAlertChanges(standing.map(toStanding), conditions, rule.group);
        const resolving = new Set(plan.resolve.map((a) => a.id));
        const escalating = standing.filter((a) => !resolving.has(a.id) && escalationDue(toStanding(a), settings.escalationMinutes, now));
        if (isEmptyPlan(plan) && escalating.length === 0) throw UNCHANGED;

        const byId = new Map(standing.map((a) => [a.id, a]));
        const changed = new Map<Alert, Set<string>>();
        const mark = (alert: Alert, what: string) => changed.set(alert, (changed.get(alert) ?? new Set()).add(what));
        const needsLeader = plan.raise.length > 0 && rule.level === 'CRITICAL';
        const leaders = needsLeader || escalating.length > 0 ? await this.roster.order(tx.em, now) : [];

        for (const condition of plan.raise) {
          const alert = tx.em.create(Alert, {
            ruleId: rule.id,
            level: rule.level,
            workingGroup: groupOf(condition, rule.group),
            dedupeKey: condition.dedupeKey,
            messageKey: `alert.${rule.id}`,
            params: condition.params,
            sourceType: condition.source.entityType,
            sourceId: condition.source.entityId,
            count: 1,
            recurrence: condition.recurrence ?? 0,
            status: 'RAISED',
            raisedAt: now,
            lastSeenAt: now,
            escalationLevel: 0,
            assignedLeaderId: rule.level === 'CRITICAL' ? (leaders[0] ?? null) : null,
          });
          tx.em.persist(alert);
          mark(alert, 'raised');
          outcome.raised++;
        }
        for (const { alert: view, condition, by } of plan.fold) {
          const alert = byId.get(view.id)!;
          alert.count += by;
          alert.recurrence = condition.recurrence ?? 0;
          alert.lastSeenAt = now;
          describe(alert, condition, rule.group);
          mark(alert, 'count');
          outcome.folded++;
        }
        for (const { alert: view, condition } of plan.refresh) {
          describe(byId.get(view.id)!, condition, rule.group);
          mark(byId.get(view.id)!, 'details');
          outcome.refreshed++;
        }
        for (const view of plan.resolve) {
          const alert = byId.get(view.id)!;
          alert.status = 'RESOLVED';
          alert.resolvedAt = now;
          alert.resolvedById = null;
          alert.resolution = settings.enabled ? 'CONDITION_CLEARED' : 'RULE_DISABLED';
          mark(alert, 'status');
          outcome.resolved++;
        }
        for (const alert of escalating) {
          alert.escalationLevel += 1;
          alert.escalatedAt = now;
          alert.assignedLeaderId = nextLeader(leaders, alert.assignedLeaderId ?? null);
          mark(alert, 'escalation');
          outcome.escalated++;
        }
        for (const [alert, what] of changed) {
          tx.emit({
            topic: ALERT_TOPIC,
            entityType: 'Alert',
            entityId: alert.id,
            kind: what.has('raised') ? 'CREATED' : 'UPDATED',
            payload: {
              ruleId: alert.ruleId,
              level: alert.level,
              status: alert.status,
              group: (alert.workingGroup ?? null) as WorkingGroup | null,
              count: alert.count,
              escalationLevel: alert.escalationLevel,
              changed: [...what],
            },
          });
        }
        return outcome;
      });
    } catch (error) {
      if (error === UNCHANGED) return outcome;
      throw error;
    }
  }

  /** Every registered rule has its settings row (alerts refer to it); defaults live in code. */
  private async ensureSettingRows(em: EntityManager): Promise<void> {
    const ids = [...this.rules.keys()];
    if (ids.length === 0) return;
    await em.execute(
      `insert into alert_rule (rule_id, created_at, updated_at, enabled, thresholds)
       select id, now(), now(), true, '{}'::jsonb from jsonb_array_elements_text(?::jsonb) as id
       on conflict (rule_id) do nothing`,
      [JSON.stringify(ids)],
    );
  }
}

function lockRule(em: EntityManager, ruleId: string): Promise<void> {
  return em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [ALERT_RULE_LOCK_CLASS, ruleId]).then(() => undefined);
}

function groupOf(condition: AlertCondition, fallback: WorkingGroup | null): WorkingGroup | null {
  return condition.group === undefined ? fallback : condition.group;
}

function describe(alert: Alert, condition: AlertCondition, fallback: WorkingGroup | null): void {
  alert.params = condition.params;
  alert.workingGroup = groupOf(condition, fallback);
  alert.sourceType = condition.source.entityType;
  alert.sourceId = condition.source.entityId;
}

function toStanding(alert: Alert): StandingAlert {
  return {
    id: alert.id,
    dedupeKey: alert.dedupeKey,
    level: alert.level,
    status: alert.status,
    recurrence: alert.recurrence,
    params: alert.params,
    workingGroup: alert.workingGroup ?? null,
    sourceType: alert.sourceType,
    sourceId: alert.sourceId,
    raisedAt: alert.raisedAt,
    escalatedAt: alert.escalatedAt ?? null,
    assignedLeaderId: alert.assignedLeaderId ?? null,
  };
}

/** The evaluation time: the clock's, or the newest `lastSeenAt` of the standing alerts if that is later (clock skew between replicas). */
function notBefore(clockNow: Date, standing: readonly Alert[]): Date {
  const newest = Math.max(clockNow.getTime(), ...standing.map((a) => a.lastSeenAt.getTime()));
  return new Date(newest);
}
