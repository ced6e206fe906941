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
} as const satisfies PolicySlice;
