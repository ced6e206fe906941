import { combineHandoverItems, type HandoverItemsSource } from '../../core/handover-items';
import { defineModule, type ModuleManifest } from '../../core/module';
import type { MemberUnitService } from '../identity/member-unit.service';
import { hqInstructionUnacknowledgedRule } from './alert-rules/hq-instruction-unacknowledged.rule';
import { ShiftHandoverSchema } from './handover.entity';
import { SHIFT_HANDOVER_TOPIC } from './handover.events';
import { ShiftHandoverFields, ShiftHandoverResolver } from './handover.resolver';
import { ShiftHandoverService } from './handover.service';
import { HqInstructionDeliverySchema, HqInstructionSchema } from './hq-instruction.entity';
import { HQ_INSTRUCTION_TOPIC } from './hq-instruction.events';
import { hqInstructionHandoverItems } from './hq-instruction.handover-items';
import { HqInstructionDeliveryFields, HqInstructionFields, HqInstructionResolver } from './hq-instruction.resolver';
import { HqInstructionService } from './hq-instruction.service';
import { Migration0011DutyHandover } from './migrations/0011-duty-handover';

export interface DutyModuleDeps {
  units: MemberUnitService;
  /** The whole module list, read when a handover is generated: every module's `handoverItems`. */
  modules: () => readonly ModuleManifest[];
}

/**
 * 值班值守: the 24-hour duty group. The roster (排班表, one leader on duty per shift), the emergency
 * duty phone's call log (值班记录) and its forwarding (运转), HQ instructions passed on (传达) and
 * the shift handover (交接班). Other modules reach it through its services, never its tables.
 */
export function createDutyModule(deps: DutyModuleDeps) {
  const instructions = new HqInstructionService(deps.units);
  const handovers = new ShiftHandoverService(() =>
    deps.modules().flatMap((m) => (m.handoverItems ? [{ module: m.name, source: m.handoverItems }] : [])),
  );
  const handoverItems: HandoverItemsSource = combineHandoverItems(hqInstructionHandoverItems(instructions));
  return defineModule(
    {
      name: 'duty',
      workingGroup: 'DUTY',
      entities: [HqInstructionSchema, HqInstructionDeliverySchema, ShiftHandoverSchema],
      resolvers: [
        new HqInstructionResolver(instructions, deps.units),
        new HqInstructionFields(instructions),
        new HqInstructionDeliveryFields(),
        new ShiftHandoverResolver(handovers),
        new ShiftHandoverFields(),
      ],
      migrations: [{ name: '0011-duty-handover', class: Migration0011DutyHandover }],
      topics: [HQ_INSTRUCTION_TOPIC, SHIFT_HANDOVER_TOPIC],
      alertRules: [hqInstructionUnacknowledgedRule(instructions)],
      handoverItems,
    },
    { instructions, handovers },
  );
}
