import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who assigns directives (交办事项): the coordination group; a leader may too. */
const ASSIGNERS: readonly Role[] = ['COORDINATOR', 'LEADER'];
/**
 * Who works on an assignment: every HQ working group and a member unit's liaison (record-level:
 * only their own group's or unit's assignment; a leader any, directive.policy.ts). Not ADMIN: an
 * administrator belongs to no working group, so no assignment is theirs.
 */
const ASSIGNEES: readonly Role[] = ['DUTY_OFFICER', 'LEADER', 'DISPATCHER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'UNIT_LIAISON'];

/**
 * Who files and amends a member unit's daily report: its liaison (record-level: their own unit
 * only, core/auth/unit-scope.ts), or the coordinator recording one a unit phoned in (代报).
 */
const DAILY_REPORTERS: readonly Role[] = ['UNIT_LIAISON', 'COORDINATOR'];
/** Who decides which daily reports HQ asks for, and by when: the coordinator, a leader, the administrator. */
const DAILY_REPORT_PLANNERS: readonly Role[] = ['COORDINATOR', 'LEADER', 'ADMIN'];

/** Who registers, routes and chases documents (文件运转): the coordination group; a leader may too. */
const DOCUMENT_CLERKS: readonly Role[] = ['COORDINATOR', 'LEADER'];

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export const COORDINATION_POLICY = {
  // The response level (应急响应级别) is in every console's header; a leader sets it.
  responseLevel: 'AUTHENTICATED',
  responseLevelChanged: 'AUTHENTICATED',
  responseLevelHistory: HQ,
  setResponseLevel: ['LEADER'],
  // Directives (交办事项): a liaison sees those assigned to their unit (record-level: directive.policy.ts).
  directives: [...HQ, 'UNIT_LIAISON'],
  directive: [...HQ, 'UNIT_LIAISON'],
  directiveChanged: [...HQ, 'UNIT_LIAISON'],
  directiveUnits: ASSIGNERS,
  createDirective: ASSIGNERS,
  acceptDirective: ASSIGNEES,
  reportDirectiveProgress: ASSIGNEES,
  finishDirective: ASSIGNEES,
  // Meetings (会议组织承办): HQ schedules and records them; a liaison requests a coordination
  // meeting on a major issue and follows their own unit's requests (record-level: meeting.service.ts).
  meetings: [...HQ, 'UNIT_LIAISON'],
  meeting: [...HQ, 'UNIT_LIAISON'],
  meetingChanged: [...HQ, 'UNIT_LIAISON'],
  requestMeeting: ['UNIT_LIAISON'],
  scheduleMeeting: ASSIGNERS,
  recordMeetingMinutes: ASSIGNERS,
  createDirectiveFromDecision: ASSIGNERS,
  // daily reports (日报告 / 零报告): every HQ role reads the board; a liaison only their own unit's rows
  dailyReportTypes: [...HQ, 'UNIT_LIAISON'],
  dailyReportBoard: [...HQ, 'UNIT_LIAISON'],
  dailyReport: [...HQ, 'UNIT_LIAISON'],
  dailyReportCalendar: [...HQ, 'UNIT_LIAISON'],
  dailyReportRollup: [...HQ, 'UNIT_LIAISON'],
  dailyReportChanged: [...HQ, 'UNIT_LIAISON'],
  createDailyReportType: DAILY_REPORT_PLANNERS,
  updateDailyReportType: DAILY_REPORT_PLANNERS,
  submitDailyReport: DAILY_REPORTERS,
  amendDailyReport: DAILY_REPORTERS,
  // Documents (文件运转): HQ reads every document; a liaison only those routed to their unit or to
  // them; each reader marks read (阅知) or signs for (签收) their own copy (record-level: document.policy.ts).
  documents: [...HQ, 'UNIT_LIAISON'],
  document: [...HQ, 'UNIT_LIAISON'],
  myDocumentInbox: [...HQ, 'UNIT_LIAISON'],
  documentChanged: [...HQ, 'UNIT_LIAISON'],
  documentRecipients: DOCUMENT_CLERKS,
  registerDocument: DOCUMENT_CLERKS,
  routeDocument: DOCUMENT_CLERKS,
  remindDocumentReaders: DOCUMENT_CLERKS,
  markDocumentRead: [...HQ, 'UNIT_LIAISON'],
  signDocument: [...HQ, 'UNIT_LIAISON'],
} as const satisfies PolicySlice;
