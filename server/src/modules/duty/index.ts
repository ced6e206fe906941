import { combineHandoverItems, type HandoverItemsSource } from '../../core/handover-items';
import { combineLeaderFigures } from '../../core/leader-figures';
import { defineModule, type ModuleManifest } from '../../core/module';
import type { DispatchOrderService } from '../dispatch/dispatch-order.service';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { IncidentService } from '../incidents/incident.service';
import { rosterRules } from './alert-rules';
import { hqInstructionUnacknowledgedRule } from './alert-rules/hq-instruction-unacknowledged.rule';
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
import { dutyCallHandoverItems } from './duty-call.handover-items';
import { dutyCallLeaderFigures } from './duty-call.leader-figures';
import { DutyCallResolver } from './duty-call.resolver';
import { DutyCallService } from './duty-call.service';
import { DutyUnitsResolver } from './duty-units.resolver';
import { DUTY_CALL_TOPIC, DUTY_SHIFT_TOPIC } from './duty.events';
import { ShiftHandoverSchema } from './handover.entity';
import { SHIFT_HANDOVER_TOPIC } from './handover.events';
import { ShiftHandoverFields, ShiftHandoverResolver } from './handover.resolver';
import { ShiftHandoverService } from './handover.service';
import { HqInstructionDeliverySchema, HqInstructionSchema } from './hq-instruction.entity';
import { HQ_INSTRUCTION_TOPIC } from './hq-instruction.events';
import { hqInstructionHandoverItems } from './hq-instruction.handover-items';
import { HqInstructionDeliveryFields, HqInstructionFields, HqInstructionResolver } from './hq-instruction.resolver';
import { HqInstructionService } from './hq-instruction.service';
import { Migration0009DutyRoster } from './migrations/0009-duty-roster';
import { Migration0010DutyCalls } from './migrations/0010-duty-calls';
import { Migration0011DutyHandover } from './migrations/0011-duty-handover';
import { seedRosterDemo } from './roster.demo';
import { DutyShiftMemberSchema, DutyShiftSchema } from './roster.entity';
import { rosterLeaderFigures } from './roster.leader-figures';
import { RosterResolver } from './roster.resolver';
import { RosterService, type RosterPeople } from './roster.service';

export interface DutyModuleDeps {
  people: RosterPeople;
  incidents: IncidentService;
  orders: DispatchOrderService;
  units: MemberUnitService;
  /** The whole module list, read when a handover is generated: every module's `handoverItems`. */
  modules: () => readonly ModuleManifest[];
}

/**
 * 值班值守: the 24-hour duty group. The roster (排班表, one leader on duty per shift), the emergency
 * duty phone's call log (值班记录) and its forwarding (运转), HQ instructions passed on (传达) and
 * the shift handover (交接班). Other modules reach it through its services, never its tables:
 * `roster.leadersInEscalationOrder` is the alerts module's escalation order; it turns calls into
 * incidents and dispatch orders through theirs (`reportIn`, `createIn`).
 */
export function createDutyModule(deps: DutyModuleDeps) {
  const roster = new RosterService(deps.people);
  const calls = new DutyCallService(deps.incidents, deps.orders, deps.units);
  const instructions = new HqInstructionService(deps.units);
  const handovers = new ShiftHandoverService(
    () => deps.modules().flatMap((m) => (m.handoverItems ? [{ module: m.name, source: m.handoverItems }] : [])),
    // Of the shifts running at that moment, the one that started last is the one being handed over.
    async (em, at) => (await roster.onDutyAt(em, at)).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0] ?? null,
  );
  const handoverItems: HandoverItemsSource = combineHandoverItems(dutyCallHandoverItems(calls), hqInstructionHandoverItems(instructions));
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
        HqInstructionSchema,
        HqInstructionDeliverySchema,
        ShiftHandoverSchema,
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
        new DutyUnitsResolver(deps.units),
        new HqInstructionResolver(instructions, deps.units),
        new HqInstructionFields(instructions),
        new HqInstructionDeliveryFields(),
        new ShiftHandoverResolver(handovers),
        new ShiftHandoverFields(),
      ],
      migrations: [
        { name: '0009-duty-roster', class: Migration0009DutyRoster },
        { name: '0010-duty-calls', class: Migration0010DutyCalls },
        { name: '0011-duty-handover', class: Migration0011DutyHandover },
      ],
      topics: [DUTY_SHIFT_TOPIC, DUTY_CALL_TOPIC, HQ_INSTRUCTION_TOPIC, SHIFT_HANDOVER_TOPIC],
      alertRules: [...rosterRules(roster), dutyForwardUnacknowledgedRule(calls), hqInstructionUnacknowledgedRule(instructions)],
      leaderFigures: combineLeaderFigures(rosterLeaderFigures(roster), dutyCallLeaderFigures(calls)),
      handoverItems,
      demoSeed: seedRosterDemo,
      unitOpenWork: async (em, unitId, day) => {
        const count = await calls.openForwardedToUnit(em, unitId, day);
        return count > 0 ? [{ kind: 'forwardedCalls', count }] : [];
      },
    },
    { roster, calls, instructions, handovers },
  );
}
