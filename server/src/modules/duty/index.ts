import { combineLeaderFigures } from '../../core/leader-figures';
import { defineModule } from '../../core/module';
import type { DispatchOrderService } from '../dispatch/dispatch-order.service';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { IncidentService } from '../incidents/incident.service';
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
import { DutyUnitsResolver } from './duty-units.resolver';
import { DUTY_CALL_TOPIC } from './duty.events';
import { Migration0010DutyCalls } from './migrations/0010-duty-calls';

/**
 * 值班值守: the 24-hour duty group. The roster (排班表, one leader on duty per shift), the emergency
 * duty phone's call log (值班记录) and its forwarding (运转), HQ instructions passed on (传达) and
 * the shift handover (交接班). Other modules reach it through its services, never its tables;
 * it turns calls into incidents and dispatch orders through theirs (`reportIn`, `createIn`).
 */
export function createDutyModule(deps: { incidents: IncidentService; orders: DispatchOrderService; units: MemberUnitService }) {
  const calls = new DutyCallService(deps.incidents, deps.orders, deps.units);
  return defineModule(
    {
      name: 'duty',
      workingGroup: 'DUTY',
      entities: [DutyCallSchema, DutyCallForwardSchema, DutyCallOutcomeSchema, DutyCallCorrectionSchema],
      resolvers: [
        new DutyCallResolver(calls),
        new DutyCallFields(deps.units),
        new DutyCallForwardFields(deps.units),
        new DutyCallOutcomeFields(),
        new DutyCallCorrectionFields(),
        new DutyCallerSuggestionFields(deps.units),
        new IncidentSourceCallField(deps.units),
        new DispatchOrderCallField(deps.units),
        new DutyUnitsResolver(deps.units),
      ],
      migrations: [{ name: '0010-duty-calls', class: Migration0010DutyCalls }],
      topics: [DUTY_CALL_TOPIC],
      alertRules: [dutyForwardUnacknowledgedRule(calls)],
      leaderFigures: combineLeaderFigures(dutyCallLeaderFigures(calls)),
    },
    { calls },
  );
}
