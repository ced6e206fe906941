import { defineModule, type ModuleManifest } from '../../core/module';
import { AlertEngine, type AlertEngineOptions } from './alert-engine';
import { AlertSchema } from './alert.entity';
import { ALERT_RULE_TOPIC, ALERT_TOPIC } from './alert.events';
import { alertHandoverItems } from './alert.handover-items';
import { alertLeaderFigures } from './alert.leader-figures';
import { AlertResolver } from './alert.resolver';
import { AlertService } from './alert.service';
import { AlertRuleSettingSchema } from './alert-rule-setting.entity';
import { dutyRosterFirst, type DutyEscalationPort, type PeopleDirectory } from './leader-roster';
import { Migration0006Alerts } from './migrations/0006-alerts';

export interface AlertsModuleDeps {
  people: PeopleDirectory;
  /** Who is on duty (the duty module's roster): critical alerts go to the leader on duty first. */
  roster?: DutyEscalationPort | null;
  engine?: AlertEngineOptions;
}

/**
 * 预警: one alert model every module raises through. Modules contribute declarative rules over
 * their own data (their manifest's `alertRules`, contract in core/alerts/alert-rule.ts);
 * `registerRulesOf` puts every module's into the engine, which evaluates them on events and
 * on the clock.
 */
export function createAlertsModule(deps: AlertsModuleDeps) {
  const engine = new AlertEngine(dutyRosterFirst(deps.people, deps.roster ?? null), deps.engine);
  const service = new AlertService(engine, deps.people);
  /** Registers the alert rules of every module in the list (before the engine starts). */
  const registerRulesOf = (modules: readonly ModuleManifest[]) => {
    for (const module of modules) for (const rule of module.alertRules) engine.register(rule);
  };
  return defineModule(
    {
      name: 'alerts',
      workingGroup: null,
      entities: [AlertSchema, AlertRuleSettingSchema],
      resolvers: [new AlertResolver(service)],
      migrations: [{ name: '0006-alerts', class: Migration0006Alerts }],
      topics: [ALERT_TOPIC, ALERT_RULE_TOPIC],
      leaderFigures: alertLeaderFigures(service),
      handoverItems: alertHandoverItems(service),
    },
    { service, engine, registerRulesOf },
  );
}

export type AlertsModule = ReturnType<typeof createAlertsModule>;
