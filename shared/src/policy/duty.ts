import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

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
} as const satisfies PolicySlice;
