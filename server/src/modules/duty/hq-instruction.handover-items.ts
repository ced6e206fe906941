import type { HandoverItemsSource } from '../../core/handover-items';
import type { HqInstructionService } from './hq-instruction.service';

/** The duty desk's own open items: HQ instructions some target has not signed for, one item per instruction. */
export function hqInstructionHandoverItems(instructions: HqInstructionService): HandoverItemsSource {
  return async (em) => {
    const waiting = await instructions.waiting(em);
    const byInstruction = new Map<string, typeof waiting>();
    for (const entry of waiting) byInstruction.set(entry.instruction.id, [...(byInstruction.get(entry.instruction.id) ?? []), entry]);
    return [...byInstruction.values()].map((entries) => {
      const { instruction } = entries[0]!;
      const targets = entries.map(({ delivery }) => delivery.targetGroup ?? delivery.targetUnitName).join(', ');
      const excerpt = instruction.content.length > 40 ? `${instruction.content.slice(0, 40)}…` : instruction.content;
      return {
        kind: 'HQ_INSTRUCTION_UNACKNOWLEDGED',
        label: `${instruction.source}: ${excerpt} → ${targets}`,
        target: { entityType: 'HqInstruction', entityId: instruction.id },
        severity: instruction.priority === 'ROUTINE' ? ('WARNING' as const) : ('CRITICAL' as const),
        dueAt: instruction.receivedAt,
      };
    });
  };
}
