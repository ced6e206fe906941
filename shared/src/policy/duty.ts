import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who keeps the duty desk's own records: the duty officer, and the leader on duty who may step in. */
const DUTY_DESK: readonly Role[] = ['DUTY_OFFICER', 'LEADER'];

/** 值班值守: the roster, the duty phone's call log and its forwarding, HQ instructions, handover. */
export const DUTY_POLICY = {
  // HQ instructions (传达): the duty desk records and distributes them; every HQ group and a
  // member unit's liaison read and sign for (签收) what reached them (record-level: hq-instruction.policy.ts).
  hqInstructions: [...HQ, 'UNIT_LIAISON'],
  hqInstruction: [...HQ, 'UNIT_LIAISON'],
  hqInstructionChanged: [...HQ, 'UNIT_LIAISON'],
  recordHqInstruction: DUTY_DESK,
  hqInstructionUnits: DUTY_DESK,
  acknowledgeHqInstruction: ['DUTY_OFFICER', 'LEADER', 'DISPATCHER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'UNIT_LIAISON'],
  // Shift handover (交接班): the duty desk's own; the leader on duty reads and may sign.
  shiftHandovers: DUTY_DESK,
  shiftHandover: DUTY_DESK,
  currentShiftHandover: DUTY_DESK,
  shiftHandoverChanged: DUTY_DESK,
  generateShiftHandover: DUTY_DESK,
  updateShiftHandoverNote: DUTY_DESK,
  signShiftHandover: DUTY_DESK,
} as const satisfies PolicySlice;
