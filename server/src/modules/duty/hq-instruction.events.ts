import type { WorkingGroup } from '@cc/shared';

/** An HQ instruction was recorded or one of its deliveries acknowledged. Consoles re-read it. */
export interface HqInstructionEventPayload {
  targetGroups: WorkingGroup[];
  /** Lets a unit liaison's stream keep only instructions delivered to their unit, without a read. */
  targetUnitIds: string[];
  /** False once every delivery is acknowledged. */
  open: boolean;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    hqInstruction: HqInstructionEventPayload;
  }
}

export const HQ_INSTRUCTION_TOPIC = 'hqInstruction' as const;
