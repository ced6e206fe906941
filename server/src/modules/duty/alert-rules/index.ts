import type { RosterService } from '../roster.service';
import { rosterHourUncoveredRule } from './roster-hour-uncovered.rule';
import { shiftNotCheckedInRule } from './shift-not-checked-in.rule';

/** No empty post (不得空岗脱岗): the roster's gaps and missed check-ins. */
export const rosterRules = (roster: RosterService) => [rosterHourUncoveredRule(roster), shiftNotCheckedInRule(roster)];
