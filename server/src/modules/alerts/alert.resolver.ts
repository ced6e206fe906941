import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AlertLevel, AlertStatus } from '@cc/shared';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { PersonRefType } from '../incidents/incident.types';
import type { Alert } from './alert.entity';
import { ALERT_TOPIC } from './alert.events';
import { UpdateAlertRuleInput } from './alert.inputs';
import { alertPolicy } from './alert.policy';
import type { AlertService } from './alert.service';
import type { AlertRuleSetting } from './alert-rule-setting.entity';
import { AlertChangeType, AlertLevelEnum, AlertParamType, AlertRuleType, AlertSourceType, AlertStatusEnum, AlertType } from './alert.types';
import type { AlertRuleDefinition } from '../../core/alerts/alert-rule';

/** Leaders and administrators see every alert; other HQ roles their group's and HQ-wide ones (alert.policy.ts). */
const alertChanges = liveChanges({
  operation: 'alertChanged',
  topic: ALERT_TOPIC,
  canSee: (viewer, event) => alertPolicy.canSee(viewer, event.payload.group),
});

@Resolver(() => AlertType)
export class AlertResolver {
  /** One name lookup per request for all the people a page of alerts mentions. */
  private readonly loaders = new WeakMap<EntityManager, DataLoader<string, PersonRefType | null>>();

  constructor(private readonly service: AlertService) {}

  @Allow('alerts')
  @Query(() => [AlertType], {
    description: 'Alerts you may see (leaders: all; others: their group’s), standing ones by default, newest first.',
  })
  alerts(
    @Ctx() ctx: Context,
    @Arg('status', () => [AlertStatusEnum], { nullable: true, description: 'Default: RAISED and ACKNOWLEDGED.' })
    status: AlertStatus[] | null,
    @Arg('level', () => AlertLevelEnum, { nullable: true }) level: AlertLevel | null,
    @Arg('limit', () => Int, { defaultValue: 200 }) limit: number,
  ): Promise<Alert[]> {
    return this.service.list(ctx.em, ctx.viewer!, { statuses: status ?? undefined, level, limit });
  }

  @Allow('alert')
  @Query(() => AlertType)
  async alert(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Alert> {
    return (await this.service.get(ctx.em, ctx.viewer, id)) ?? Promise.reject(notFound('Alert', id));
  }

  @Allow('acknowledgeAlert')
  @Mutation(() => AlertType, { description: 'I am on it: stops the alert escalating to the next leader.' })
  acknowledgeAlert(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Alert> {
    return this.service.acknowledge(ctx, id);
  }

  @Allow('resolveAlert')
  @Mutation(() => AlertType, {
    description: 'Closes an alert by hand, with a note. If its condition still holds, the rule raises a new alert at its next evaluation.',
  })
  resolveAlert(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('note', () => String) note: string): Promise<Alert> {
    return this.service.resolve(ctx, id, note);
  }

  @Allow('alertRules')
  @Query(() => [AlertRuleType], { description: 'Every alert rule with its settings in force.' })
  async alertRules(
    @Ctx() ctx: Context,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'There are a few dozen rules at most.' }) limit: number,
  ): Promise<AlertRuleType[]> {
    return (await this.service.rules(ctx.em)).slice(0, Math.max(0, limit)).map(({ rule, setting }) => this.toRule(rule, setting));
  }

  @Allow('updateAlertRule')
  @Mutation(() => AlertRuleType, {
    description: 'Administrators: enable or disable a rule, change its thresholds or escalation time. Takes effect at once.',
  })
  async updateAlertRule(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateAlertRuleInput) input: UpdateAlertRuleInput,
  ): Promise<AlertRuleType> {
    const { rule, setting } = await this.service.updateRule(ctx, input);
    return this.toRule(rule, setting);
  }

  @Allow('alertChanged')
  @Subscription(() => AlertChangeType, {
    nullable: true,
    description: 'Every committed change to an alert you may see, after `after` (replayed), then live.',
    subscribe: alertChanges.subscribe,
  })
  alertChanged(
    @Root() event: EventRecord<typeof ALERT_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<Alert> | null> {
    return alertChanges.resolve(event, (e) => this.service.get(ctx.em, ctx.viewer, e.entityId));
  }

  // ---- fields computed from the stored alert ----

  @FieldResolver(() => [AlertParamType])
  params(
    @Root() alert: Alert,
    // Alerts carry a handful of values; the bound keeps the request cost estimate honest (core/graphql/cost.ts).
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
  ): AlertParamType[] {
    return Object.entries(alert.params)
      .slice(0, Math.max(0, limit))
      .map(([name, value]) => ({ name, value: String(value) }));
  }

  @FieldResolver(() => String)
  summary(@Root() alert: Alert): string {
    return this.service.engine.rule(alert.ruleId)?.summary(alert.params) ?? alert.messageKey;
  }

  @FieldResolver(() => AlertSourceType)
  source(@Root() alert: Alert): AlertSourceType {
    return { entityType: alert.sourceType, entityId: alert.sourceId };
  }

  @FieldResolver(() => PersonRefType, { nullable: true })
  acknowledgedBy(@Root() alert: Alert, @Ctx() ctx: Context): Promise<PersonRefType | null> {
    return this.person(ctx, alert.acknowledgedById);
  }

  @FieldResolver(() => PersonRefType, { nullable: true })
  resolvedBy(@Root() alert: Alert, @Ctx() ctx: Context): Promise<PersonRefType | null> {
    return this.person(ctx, alert.resolvedById);
  }

  @FieldResolver(() => PersonRefType, { nullable: true })
  assignedLeader(@Root() alert: Alert, @Ctx() ctx: Context): Promise<PersonRefType | null> {
    return this.person(ctx, alert.assignedLeaderId);
  }

  private person(ctx: Context, id: string | null | undefined): Promise<PersonRefType | null> {
    if (!id) return Promise.resolve(null);
    let loader = this.loaders.get(ctx.em);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const names = await this.service.namesOf(ctx.em, ids);
        return ids.map((i) => {
          const name = names.get(i);
          return name ? { id: i, displayName: name.displayName } : null;
        });
      });
      this.loaders.set(ctx.em, loader);
    }
    return loader.load(id);
  }

  private toRule(rule: AlertRuleDefinition, setting: AlertRuleSetting | null): AlertRuleType {
    const effective = this.service.effective(rule, setting);
    return {
      id: rule.id,
      level: rule.level,
      workingGroup: rule.group,
      description: rule.description,
      enabled: effective.enabled,
      escalationMinutes: effective.escalationMinutes,
      triggers: [...rule.triggers],
      version: setting?.version ?? 0,
      thresholds: Object.entries(rule.thresholds).map(([key, spec]) => ({
        key,
        value: effective.thresholds[key] ?? spec.default,
        defaultValue: spec.default,
        min: spec.min,
        max: spec.max,
        unit: spec.unit,
        description: spec.description,
      })),
    };
  }
}
