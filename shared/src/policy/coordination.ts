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
} as const satisfies PolicySlice;
