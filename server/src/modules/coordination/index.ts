import { combineLeaderFigures } from '../../core/leader-figures';
import { defineModule, type ModuleManifest } from '../../core/module';
import type { MemberUnitService } from '../identity/member-unit.service';
import { dailyReportMissingRule } from './alert-rules/daily-report-missing.rule';
import { directiveOverdueRule } from './alert-rules/directive-overdue.rule';
import { DIRECTIVE_TOPIC, MEETING_TOPIC, RESPONSE_LEVEL_TOPIC } from './coordination.events';
import { seedDailyReportDemo } from './daily-report.demo';
import { DailyReportAmendmentSchema, DailyReportSchema, DailyReportTypeSchema } from './daily-report.entity';
import { DAILY_REPORT_TOPIC } from './daily-report.events';
import {
  DailyReportAmendmentFields,
  DailyReportBoardFields,
  DailyReportCalendarFields,
  DailyReportCalendarRowFields,
  DailyReportFields,
  DailyReportRollupFields,
  DailyReportTypeBoardFields,
  DailyReportTypeFields,
} from './daily-report.fields';
import { dailyReportLeaderFigures } from './daily-report.leader-figures';
import { DailyReportResolver } from './daily-report.resolver';
import { DailyReportService } from './daily-report.service';
import { DirectiveAssigneeSchema, DirectiveProgressSchema, DirectiveSchema } from './directive.entity';
import { directiveHandoverItems } from './directive.handover-items';
import { directiveLeaderFigures } from './directive.leader-figures';
import { DirectiveAssigneeFields, DirectiveFields, DirectiveProgressFields, DirectiveResolver } from './directive.resolver';
import { DirectiveService, type DirectiveOriginPorts } from './directive.service';
import { MeetingDecisionSchema, MeetingSchema } from './meeting.entity';
import { MeetingDecisionFields, MeetingFields, MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';
import { Migration0018CoordinationDirectives } from './migrations/0018-coordination-directives';
import { Migration0019DailyReports } from './migrations/0019-daily-reports';
import { ResponseLevelChangeSchema } from './response-level.entity';
import { ResponseLevelChangeFields, ResponseLevelResolver } from './response-level.resolver';
import { ResponseLevelService } from './response-level.service';

export interface CoordinationModuleDeps {
  units: MemberUnitService;
  /** The duty module's HQ instructions and calls, to check a directive's link (ADR 0014, 0019). */
  origins: DirectiveOriginPorts;
  /** The whole module list, read when a zero report is filed: every module's `unitOpenWork` (the 瞒报 check). */
  modules: () => readonly ModuleManifest[];
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
  const dailyReports = new DailyReportService(deps.units, () =>
    deps.modules().flatMap((m) => (m.unitOpenWork ? [{ module: m.name, source: m.unitOpenWork }] : [])),
  );
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
        DailyReportTypeSchema,
        DailyReportSchema,
        DailyReportAmendmentSchema,
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
        new DailyReportResolver(dailyReports),
        new DailyReportTypeFields(),
        new DailyReportFields(dailyReports),
        new DailyReportAmendmentFields(),
        new DailyReportBoardFields(),
        new DailyReportTypeBoardFields(),
        new DailyReportRollupFields(),
        new DailyReportCalendarFields(),
        new DailyReportCalendarRowFields(),
      ],
      migrations: [
        { name: '0018-coordination-directives', class: Migration0018CoordinationDirectives },
        { name: '0019-daily-reports', class: Migration0019DailyReports },
      ],
      topics: [RESPONSE_LEVEL_TOPIC, DIRECTIVE_TOPIC, MEETING_TOPIC, DAILY_REPORT_TOPIC],
      alertRules: [directiveOverdueRule(directives), dailyReportMissingRule(dailyReports)],
      leaderFigures: combineLeaderFigures(directiveLeaderFigures(directives), dailyReportLeaderFigures(dailyReports)),
      handoverItems: directiveHandoverItems(directives),
      demoSeed: seedDailyReportDemo,
    },
    { response, directives, meetings, dailyReports },
  );
}
