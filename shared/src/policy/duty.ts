import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who logs, claims, forwards, corrects, closes and converts duty-phone calls: the duty group; the leader on duty may step in. */
const DUTY_DESK: readonly Role[] = ['DUTY_OFFICER', 'LEADER'];
/**
 * Who receives forwards (运转) and acknowledges them: every HQ working group and a member unit's
 * liaison (record-level: only forwards to their own group or unit; a leader any, duty-call.policy.ts).
 * Not ADMIN: an administrator belongs to no working group, so no forward is theirs.
 */
const FORWARD_RECEIVERS: readonly Role[] = ['DUTY_OFFICER', 'LEADER', 'DISPATCHER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'UNIT_LIAISON'];

/** Who plans the roster (排班表): the leaders and the administrator. */
const ROSTER_PLANNERS: readonly Role[] = ['LEADER', 'ADMIN'];

/** 值班值守: the roster, the duty phone's call log and its forwarding, HQ instructions, handover. */
export const DUTY_POLICY = {
  // roster: all HQ reads it; leaders plan it; a member checks in to their own shift (record-level)
  dutyRoster: HQ,
  dutyRosterPeople: ROSTER_PLANNERS,
  createDutyShift: ROSTER_PLANNERS,
  updateDutyShift: ROSTER_PLANNERS,
  deleteDutyShift: ROSTER_PLANNERS,
  checkInDutyShift: HQ,
  dutyShiftChanged: HQ,
  // the call log (值班记录); a liaison sees only calls forwarded to their unit (duty-call.policy.ts)
  dutyLog: [...HQ, 'UNIT_LIAISON'],
  dutyCall: [...HQ, 'UNIT_LIAISON'],
  dutyCallChanged: [...HQ, 'UNIT_LIAISON'],
  dutyCallSuggestions: DUTY_DESK,
  // the member units a caller speaks for and a call is forwarded to
  dutyMemberUnits: DUTY_DESK,
  dutyForwardInbox: [...HQ, 'UNIT_LIAISON'],
  logDutyCall: DUTY_DESK,
  claimDutyCall: DUTY_DESK,
  forwardDutyCall: DUTY_DESK,
  acknowledgeDutyForward: FORWARD_RECEIVERS,
  correctDutyCall: DUTY_DESK,
  closeDutyCall: DUTY_DESK,
  convertDutyCallToIncident: DUTY_DESK,
  convertDutyCallToDispatchOrder: DUTY_DESK,
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
