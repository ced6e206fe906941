import { combineLeaderFigures } from '../../core/leader-figures';
import { defineModule } from '../../core/module';
import type { DispatchOrderService } from '../dispatch/dispatch-order.service';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { IncidentService } from '../incidents/incident.service';
import { rosterRules } from './alert-rules';
import { dutyForwardUnacknowledgedRule } from './duty-call.alert-rules';
import { DutyCallCorrectionSchema } from './duty-call-correction.entity';
import { DutyCallForwardSchema } from './duty-call-forward.entity';
import { DutyCallOutcomeSchema } from './duty-call-outcome.entity';
import { DutyCallSchema } from './duty-call.entity';
import {
  DispatchOrderCallField,
  DutyCallCorrectionFields,
  DutyCallerSuggestionFields,
  DutyCallFields,
  DutyCallForwardFields,
  DutyCallOutcomeFields,
  IncidentSourceCallField,
} from './duty-call.fields';
import { dutyCallLeaderFigures } from './duty-call.leader-figures';
import { DutyCallResolver } from './duty-call.resolver';
import { DutyCallService } from './duty-call.service';
import { DUTY_CALL_TOPIC, DUTY_SHIFT_TOPIC } from './duty.events';
import { Migration0009DutyRoster } from './migrations/0009-duty-roster';
import { Migration0010DutyCalls } from './migrations/0010-duty-calls';
import { seedRosterDemo } from './roster.demo';
import { DutyShiftMemberSchema, DutyShiftSchema } from './roster.entity';
import { rosterLeaderFigures } from './roster.leader-figures';
import { RosterResolver } from './roster.resolver';
import { RosterService, type RosterPeople } from './roster.service';

/**
 * 值班值守: the 24-hour duty group. The roster (排班表, one leader on duty per shift), the emergency
 * duty phone's call log (值班记录) and its forwarding (运转), HQ instructions passed on (传达) and
 * the shift handover (交接班). Other modules reach it through its services, never its tables:
 * `roster.leadersInEscalationOrder` is the alerts module's escalation order; it turns calls into
 * incidents and dispatch orders through theirs (`reportIn`, `createIn`).
 */
export function createDutyModule(deps: {
  people: RosterPeople;
  incidents: IncidentService;
  orders: DispatchOrderService;
  units: MemberUnitService;
}) {
  const roster = new RosterService(deps.people);
  const calls = new DutyCallService(deps.incidents, deps.orders, deps.units);
  return defineModule(
    {
      name: 'duty',
      workingGroup: 'DUTY',
      entities: [
        DutyShiftSchema,
        DutyShiftMemberSchema,
        DutyCallSchema,
        DutyCallForwardSchema,
        DutyCallOutcomeSchema,
        DutyCallCorrectionSchema,
      ],
      resolvers: [
        new RosterResolver(roster),
        new DutyCallResolver(calls),
        new DutyCallFields(deps.units),
        new DutyCallForwardFields(deps.units),
        new DutyCallOutcomeFields(),
        new DutyCallCorrectionFields(),
        new DutyCallerSuggestionFields(deps.units),
        new IncidentSourceCallField(deps.units),
        new DispatchOrderCallField(deps.units),
      ],
      migrations: [
        { name: '0009-duty-roster', class: Migration0009DutyRoster },
        { name: '0010-duty-calls', class: Migration0010DutyCalls },
      ],
      topics: [DUTY_SHIFT_TOPIC, DUTY_CALL_TOPIC],
      alertRules: [...rosterRules(roster), dutyForwardUnacknowledgedRule(calls)],
      leaderFigures: combineLeaderFigures(rosterLeaderFigures(roster), dutyCallLeaderFigures(calls)),
      demoSeed: seedRosterDemo,
    },
    { roster, calls },
  );
}
