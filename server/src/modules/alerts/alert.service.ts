import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ALERT_LEVELS, STANDING_ALERT_STATUSES, type AlertLevel, type AlertStatus, type WorkingGroup } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context, Viewer } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { AlertEngine } from './alert-engine';
import { Alert } from './alert.entity';
import { ALERT_RULE_TOPIC, ALERT_TOPIC } from './alert.events';
import type { UpdateAlertRuleInput } from './alert.inputs';
import { alertPolicy } from './alert.policy';
import { AlertRuleSetting } from './alert-rule-setting.entity';
import { effectiveSettings, validateEscalationMinutes, validateThresholds } from './alert-settings';
import type { PeopleDirectory } from './leader-roster';
import type { AlertRuleDefinition } from '../../core/alerts/alert-rule';

export interface AlertFilter {
  statuses?: readonly AlertStatus[];
  level?: AlertLevel | null;
  limit?: number;
}

const MAX_NOTE = 1_000;

/** Reading alerts with the viewer's scope, and the people's side of their lifecycle. */
export class AlertService {
  constructor(
    readonly engine: AlertEngine,
    private readonly people: PeopleDirectory,
  ) {}

  /** Standing alerts by default, newest first, limited to what the viewer may see. */
  async list(em: EntityManager, viewer: Viewer, filter: AlertFilter = {}): Promise<Alert[]> {
    const scope = alertPolicy.scope(viewer);
    if (!scope.all && scope.groups.length === 0) return [];
    return em.find(
      Alert,
      {
        status: { $in: [...(filter.statuses?.length ? filter.statuses : STANDING_ALERT_STATUSES)] },
        ...(filter.level ? { level: filter.level } : {}),
        ...(scope.all ? {} : { $or: [{ workingGroup: { $in: scope.groups } }, { workingGroup: null }] }),
      },
      { orderBy: { raisedAt: 'desc', id: 'asc' }, limit: Math.min(Math.max(filter.limit ?? 200, 1), 1000) },
    );
  }

  /** One alert, or null when it does not exist or the viewer may not see it. */
  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<Alert | null> {
    if (!isUuid(id)) return null;
    const alert = await em.findOne(Alert, { id });
    return alert && alertPolicy.canSee(viewer, (alert.workingGroup ?? null) as WorkingGroup | null) ? alert : null;
  }

  /** Standing alerts per level, across all groups (the leader's board). */
  async standingByLevel(em: EntityManager): Promise<Record<AlertLevel, number>> {
    const rows = await em.execute<{ level: AlertLevel; count: number }[]>(
      `select level, count(*)::int as count from alert where status <> 'RESOLVED' group by level`,
    );
    const out = Object.fromEntries(ALERT_LEVELS.map((l) => [l, 0])) as Record<AlertLevel, number>;
    for (const row of rows) out[row.level] = row.count;
    return out;
  }

  /** Every standing warning and critical alert, whoever's they are (the shift handover lists them all), most severe first. */
  async standingAtLeastWarning(em: EntityManager): Promise<Alert[]> {
    const standing = await em.find(
      Alert,
      { status: { $in: [...STANDING_ALERT_STATUSES] }, level: { $in: ['WARNING', 'CRITICAL'] } },
      { orderBy: { raisedAt: 'asc', id: 'asc' }, limit: 500 },
    );
    return standing.sort((a, b) => (a.level === b.level ? 0 : a.level === 'CRITICAL' ? -1 : 1));
  }

  namesOf(em: EntityManager, ids: readonly (string | null | undefined)[]) {
    return this.people.namesOf(
      em,
      ids.filter((id): id is string => !!id),
    );
  }

  /** Someone is on it: stops escalation. Exactly one of several people acknowledging at once succeeds. */
  async acknowledge(ctx: Context, id: string): Promise<Alert> {
    return commit(ctx, 'acknowledgeAlert', { id }, async (tx) => {
      const alert = await this.lockVisible(tx, id);
      if (alert.status !== 'RAISED') {
        const names = await this.namesOf(tx.em, [alert.acknowledgedById]);
        const who = alert.acknowledgedById ? (names.get(alert.acknowledgedById)?.displayName ?? 'someone') : null;
        throw domainError(
          'INVALID_TRANSITION',
          alert.status === 'ACKNOWLEDGED' ? `${who ?? 'Someone'} has already acknowledged this alert.` : 'This alert is already resolved.',
          {
            reason: alert.status === 'ACKNOWLEDGED' ? 'alert/already_acknowledged' : 'alert/already_resolved',
            from: alert.status,
            to: 'ACKNOWLEDGED',
          },
        );
      }
      alert.status = 'ACKNOWLEDGED';
      alert.acknowledgedAt = tx.now;
      alert.acknowledgedById = tx.viewer!.userId;
      this.emit(tx, alert, ['status']);
      return alert;
    });
  }

  /**
   * A person closes an alert, with a note on how it was dealt with. If the rule still finds
   * the condition true, its next evaluation raises a new alert: closing one does not silence
   * the condition, and the new alert shows it was not dealt with.
   */
  async resolve(ctx: Context, id: string, note: string): Promise<Alert> {
    return commit(ctx, 'resolveAlert', { id, note }, async (tx) => {
      const text = note.trim();
      if (!text) throw domainError('BAD_USER_INPUT', 'Say how it was dealt with, in a few words.', { field: 'note' });
      if (text.length > MAX_NOTE) throw domainError('BAD_USER_INPUT', `Keep the note to ${MAX_NOTE} characters.`, { field: 'note' });
      const alert = await this.lockVisible(tx, id);
      if (alert.status === 'RESOLVED') {
        throw domainError('INVALID_TRANSITION', 'This alert is already resolved.', {
          reason: 'alert/already_resolved',
          from: 'RESOLVED',
          to: 'RESOLVED',
        });
      }
      alert.status = 'RESOLVED';
      alert.resolvedAt = tx.now;
      alert.resolvedById = tx.viewer!.userId;
      alert.resolution = 'MANUAL';
      alert.resolutionNote = text;
      this.emit(tx, alert, ['status']);
      return alert;
    });
  }

  // ---- rules and their settings ----

  async rules(em: EntityManager): Promise<{ rule: AlertRuleDefinition; setting: AlertRuleSetting | null }[]> {
    const settings = await em.find(AlertRuleSetting, {});
    const byId = new Map(settings.map((s) => [s.ruleId, s]));
    return this.engine.list().map((rule) => ({ rule, setting: byId.get(rule.id) ?? null }));
  }

  async updateRule(ctx: Context, input: UpdateAlertRuleInput): Promise<{ rule: AlertRuleDefinition; setting: AlertRuleSetting }> {
    const rule = this.engine.rule(input.ruleId);
    if (!rule) throw notFound('Alert rule', input.ruleId);
    const thresholds = input.thresholds ? validateThresholds(rule, input.thresholds) : undefined;
    const escalation = input.escalationMinutes != null ? validateEscalationMinutes(rule, input.escalationMinutes) : undefined;
    return commit(ctx, 'updateAlertRule', input, async (tx) => {
      let setting = await tx.em.findOne(AlertRuleSetting, { ruleId: rule.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!setting) {
        setting = tx.em.create(AlertRuleSetting, { ruleId: rule.id, enabled: true, thresholds: {}, escalationMinutes: null });
        tx.em.persist(setting);
      } else if (input.expectedVersion != null && setting.version !== input.expectedVersion) {
        throw domainError('CONFLICT', 'Someone changed this rule meanwhile. Review it and try again.', {
          reason: 'alert_rule/stale',
          currentVersion: setting.version,
        });
      }
      if (input.resetToDefaults) {
        setting.thresholds = {};
        setting.escalationMinutes = null;
      }
      if (input.enabled != null) setting.enabled = input.enabled;
      if (thresholds) setting.thresholds = { ...setting.thresholds, ...thresholds };
      if (escalation !== undefined) setting.escalationMinutes = escalation;
      // Every replica's engine re-evaluates the rule on this event: the change takes effect at once.
      tx.emit({
        topic: ALERT_RULE_TOPIC,
        entityType: 'AlertRule',
        entityId: rule.id,
        kind: 'UPDATED',
        payload: { enabled: setting.enabled },
      });
      return { rule, setting };
    });
  }

  effective(rule: AlertRuleDefinition, setting: AlertRuleSetting | null) {
    return effectiveSettings(rule, setting);
  }

  // ---- internals ----

  private async lockVisible(tx: Tx, id: string): Promise<Alert> {
    if (!isUuid(id)) throw notFound('Alert', id);
    const alert = await tx.em.findOne(Alert, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!alert || !alertPolicy.canSee(tx.viewer, (alert.workingGroup ?? null) as WorkingGroup | null)) throw notFound('Alert', id);
    return alert;
  }

  private emit(tx: Tx, alert: Alert, changed: string[]): void {
    tx.emit({
      topic: ALERT_TOPIC,
      entityType: 'Alert',
      entityId: alert.id,
      kind: 'UPDATED',
      payload: {
        ruleId: alert.ruleId,
        level: alert.level,
        status: alert.status,
        group: (alert.workingGroup ?? null) as WorkingGroup | null,
        count: alert.count,
        escalationLevel: alert.escalationLevel,
        changed,
      },
    });
  }
}
