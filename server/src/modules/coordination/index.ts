import { combineLeaderFigures } from '../../core/leader-figures';
import { defineModule, type ModuleManifest } from '../../core/module';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { UserService } from '../identity/user.service';
import { documentSignoffOverdueRule } from './alert-rules/document-signoff-overdue.rule';
import { AttachmentSchema } from './attachment.entity';
import { attachmentRoutes } from './attachment.http';
import { AttachmentService } from './attachment.service';
import { DocumentRoutingSchema, DocumentSchema } from './document.entity';
import { DOCUMENT_TOPIC } from './document.events';
import { DocumentFields, DocumentResolver, DocumentRoutingFields } from './document.resolver';
import { DOCUMENT_OWNER, DocumentService } from './document.service';
import { Migration0020DocumentsAndAttachments } from './migrations/0020-documents-and-attachments';
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
  users: UserService;
  /** The duty module's HQ instructions and calls, to check a directive's link (ADR 0014, 0019). */
  origins: DirectiveOriginPorts;
  /** The whole module list, read when a zero report is filed: every module's `unitOpenWork` (the 瞒报 check). */
  modules: () => readonly ModuleManifest[];
}

/**
 * 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23).
 * Other modules read the response level through `response` (`current`, `endedAt`): permits'
 * validity and the supply call-up end with the response. `attachments` is the generic file
 * store: another module registers its owner type (`attachments.registerOwner`) and gives
 * uploaded files to its records with `attachments.claim`.
 */
export function createCoordinationModule(deps: CoordinationModuleDeps) {
  const response = new ResponseLevelService();
  const directives = new DirectiveService(deps.units, deps.origins);
  const meetings = new MeetingService(deps.units, directives);
  const dailyReports = new DailyReportService(deps.units, () =>
    deps.modules().flatMap((m) => (m.unitOpenWork ? [{ module: m.name, source: m.unitOpenWork }] : [])),
  );
  const attachments = new AttachmentService();
  const documents = new DocumentService(deps.units, deps.users, attachments);
  attachments.registerOwner(DOCUMENT_OWNER, { canSee: (em, viewer, id) => documents.maySee(em, viewer, id) });
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
        DocumentSchema,
        DocumentRoutingSchema,
        AttachmentSchema,
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
        new DocumentResolver(documents, deps.units, deps.users),
        new DocumentFields(documents, attachments),
        new DocumentRoutingFields(documents),
      ],
      migrations: [
        { name: '0018-coordination-directives', class: Migration0018CoordinationDirectives },
        { name: '0019-daily-reports', class: Migration0019DailyReports },
        { name: '0020-documents-and-attachments', class: Migration0020DocumentsAndAttachments },
      ],
      topics: [RESPONSE_LEVEL_TOPIC, DIRECTIVE_TOPIC, MEETING_TOPIC, DAILY_REPORT_TOPIC, DOCUMENT_TOPIC],
      alertRules: [directiveOverdueRule(directives), dailyReportMissingRule(dailyReports), documentSignoffOverdueRule(documents)],
      leaderFigures: combineLeaderFigures(directiveLeaderFigures(directives), dailyReportLeaderFigures(dailyReports)),
      handoverItems: directiveHandoverItems(directives),
      demoSeed: seedDailyReportDemo,
      httpRoutes: attachmentRoutes(attachments),
    },
    { response, directives, meetings, dailyReports, documents, attachments },
  );
}
