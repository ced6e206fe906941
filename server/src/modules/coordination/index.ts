import { defineModule } from '../../core/module';
import type { MemberUnitService } from '../identity/member-unit.service';
import { directiveOverdueRule } from './alert-rules/directive-overdue.rule';
import { DIRECTIVE_TOPIC, MEETING_TOPIC, RESPONSE_LEVEL_TOPIC } from './coordination.events';
import { DirectiveAssigneeSchema, DirectiveProgressSchema, DirectiveSchema } from './directive.entity';
import { directiveHandoverItems } from './directive.handover-items';
import { directiveLeaderFigures } from './directive.leader-figures';
import { DirectiveAssigneeFields, DirectiveFields, DirectiveProgressFields, DirectiveResolver } from './directive.resolver';
import { DirectiveService, type DirectiveOriginPorts } from './directive.service';
import { MeetingDecisionSchema, MeetingSchema } from './meeting.entity';
import { MeetingDecisionFields, MeetingFields, MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';
import { Migration0018CoordinationDirectives } from './migrations/0018-coordination-directives';
import { ResponseLevelChangeSchema } from './response-level.entity';
import { ResponseLevelChangeFields, ResponseLevelResolver } from './response-level.resolver';
import { ResponseLevelService } from './response-level.service';

export interface CoordinationModuleDeps {
  units: MemberUnitService;
  /** The duty module's HQ instructions and calls, to check a directive's link (ADR 0014, 0019). */
  origins: DirectiveOriginPorts;
}

/**
 * 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23).
 * Other modules read the response level through `response` (`current`, `endedAt`): permits'
 * validity and the supply call-up end with the response.
 */
export function createCoordinationModule(deps: CoordinationModuleDeps) {
  const response = new ResponseLevelService();
  const directives = new DirectiveService(deps.units, deps.origins);
  const meetings = new MeetingService(deps.units, directives);
  return defineModule(
    {
      name: 'coordination',
      workingGroup: 'COORDINATION',
      entities: [
        ResponseLevelChangeSchema,
        MeetingSchema,
        MeetingDecisionSchema,
        DirectiveSchema,
        DirectiveAssigneeSchema,
        DirectiveProgressSchema,
      ],
      resolvers: [
        new ResponseLevelResolver(response),
        new ResponseLevelChangeFields(),
        new DirectiveResolver(directives, deps.units),
        new DirectiveFields(directives),
        new DirectiveAssigneeFields(),
        new DirectiveProgressFields(),
        new MeetingResolver(meetings),
        new MeetingFields(meetings),
        new MeetingDecisionFields(directives),
      ],
      migrations: [{ name: '0018-coordination-directives', class: Migration0018CoordinationDirectives }],
      topics: [RESPONSE_LEVEL_TOPIC, DIRECTIVE_TOPIC, MEETING_TOPIC],
      alertRules: [directiveOverdueRule(directives)],
      leaderFigures: directiveLeaderFigures(directives),
      handoverItems: directiveHandoverItems(directives),
    },
    { response, directives, meetings },
  );
}
