import type { IncidentService } from '../incidents/incident.service';
import { AlertEngine, type AlertEngineOptions } from './alert-engine';
import { AlertSchema } from './alert.entity';
import { AlertResolver } from './alert.resolver';
import { AlertService } from './alert.service';
import { AlertRuleSettingSchema } from './alert-rule-setting.entity';
import { leadersByUsername, type PeopleDirectory } from './leader-roster';
import type { AlertRuleDefinition } from './rules/alert-rule';
import { incidentClassALoggedRule } from './rules/incident-class-a-logged.rule';
import { incidentPastDeadlineRule } from './rules/incident-past-deadline.rule';
import { incidentUnacknowledgedRule } from './rules/incident-unacknowledged.rule';

export interface AlertsModuleDeps {
  people: PeopleDirectory;
  incidents: IncidentService;
  /** Rules other modules contribute (e.g. rules/transport-readiness.ts over the dispatch module's fleet). */
  rules?: readonly AlertRuleDefinition[];
  engine?: AlertEngineOptions;
}

/**
 * 预警: one alert model every module raises through. Modules contribute declarative rules
 * (rules/*.rule.ts); the engine evaluates them on events and on the clock.
 */
export function createAlertsModule(deps: AlertsModuleDeps) {
  const engine = new AlertEngine(leadersByUsername(deps.people), deps.engine);
  engine.register(incidentPastDeadlineRule(deps.incidents));
  engine.register(incidentUnacknowledgedRule(deps.incidents));
  engine.register(incidentClassALoggedRule(deps.incidents));
  for (const rule of deps.rules ?? []) engine.register(rule);
  const service = new AlertService(engine, deps.people);
  return {
    name: 'alerts',
    entities: [AlertSchema, AlertRuleSettingSchema],
    resolvers: [new AlertResolver(service)],
    service,
    engine,
  };
}

export type AlertsModule = ReturnType<typeof createAlertsModule>;
