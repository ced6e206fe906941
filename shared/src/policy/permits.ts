import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who reviews requests (审批), and revokes permits: the transport dispatchers; the leader on duty may step in. */
const REVIEWERS: readonly Role[] = ['DISPATCHER', 'LEADER'];
/**
 * Who files a request and follows it up (answers, withdraws): a member unit's liaison for their
 * own unit (record-level: permits.policy.ts), or a dispatcher or leader on a caller's behalf.
 */
const FILERS: readonly Role[] = ['DISPATCHER', 'LEADER', 'UNIT_LIAISON'];
/** Who puts permits to use on the transport side (运输调配); the leader on duty may step in. */
const PERMIT_DISPATCHING: readonly Role[] = ['DISPATCHER', 'LEADER'];

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export const PERMITS_POLICY = {
  // The whole HQ sees what waits (信息互通): the duty desk answers callers asking after their permit.
  permitQueue: HQ,
  permitRequest: [...HQ, 'UNIT_LIAISON'],
  // a liaison's own unit; HQ sees every unit's
  myPermitRequests: [...HQ, 'UNIT_LIAISON'],
  permitUnits: REVIEWERS,
  trafficPermits: [...HQ, 'UNIT_LIAISON'],
  trafficPermit: [...HQ, 'UNIT_LIAISON'],
  filePermitRequest: FILERS,
  resubmitPermitRequest: FILERS,
  withdrawPermitRequest: FILERS,
  approvePermitRequest: REVIEWERS,
  rejectPermitRequest: REVIEWERS,
  askPermitRequestInfo: REVIEWERS,
  revokeTrafficPermit: REVIEWERS,
  permitRequestChanged: [...HQ, 'UNIT_LIAISON'],
  trafficPermitChanged: [...HQ, 'UNIT_LIAISON'],
  // links to dispatch (issue 21): a job's permit, standby vehicles' standing permits, the day's figures
  attachablePermits: PERMIT_DISPATCHING,
  standingPermitChoices: PERMIT_DISPATCHING,
  attachPermitToAssignment: PERMIT_DISPATCHING,
  grantStandingPermit: PERMIT_DISPATCHING,
  withdrawStandingPermit: PERMIT_DISPATCHING,
  permitFigures: HQ,
  // Anyone, signed in or not: a checkpoint or a driver checks a number (only valid/expired/revoked/unknown and the end).
  verifyPermit: 'PUBLIC',
} as const satisfies PolicySlice;
