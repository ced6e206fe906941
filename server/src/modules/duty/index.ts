import { combineLeaderFigures } from '../../core/leader-figures';
import { defineModule } from '../../core/module';
import { rosterRules } from './alert-rules';
import { DUTY_SHIFT_TOPIC } from './duty.events';
import { Migration0009DutyRoster } from './migrations/0009-duty-roster';
import { seedRosterDemo } from './roster.demo';
import { DutyShiftMemberSchema, DutyShiftSchema } from './roster.entity';
import { rosterLeaderFigures } from './roster.leader-figures';
import { RosterResolver } from './roster.resolver';
import { RosterService, type RosterPeople } from './roster.service';

/**
 * 值班值守: the 24-hour duty group. The roster (排班表, one leader on duty per shift), the emergency
 * duty phone's call log (值班记录) and its forwarding (运转), HQ instructions passed on (传达) and
 * the shift handover (交接班). Other modules reach it through its services, never its tables:
 * `roster.leadersInEscalationOrder` is the alerts module's escalation order.
 */
export function createDutyModule(deps: { people: RosterPeople }) {
  const roster = new RosterService(deps.people);
  return defineModule(
    {
      name: 'duty',
      workingGroup: 'DUTY',
      entities: [DutyShiftSchema, DutyShiftMemberSchema],
      resolvers: [new RosterResolver(roster)],
      migrations: [{ name: '0009-duty-roster', class: Migration0009DutyRoster }],
      topics: [DUTY_SHIFT_TOPIC],
      alertRules: [...rosterRules(roster)],
      leaderFigures: combineLeaderFigures(rosterLeaderFigures(roster)),
      demoSeed: seedRosterDemo,
    },
    { roster },
  );
}
