import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who reviews requests (审批), and revokes permits: the transport dispatchers; the leader on duty may step in. */
const REVIEWERS: readonly Role[] = ['DISPATCHER', 'LEADER'];
/**
 * Who files a request and follows it up (answers, withdraws): a member unit's liaison for their
 * own unit (record-level: permits.policy.ts), or a dispatcher or leader on a caller's behalf.
 */
const FILERS: readonly Role[] = ['DISPATCHER', 'LEADER', 'UNIT_LIAISON'];

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export const PERMITS_POLICY = {
  permitQueue: REVIEWERS,
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
  // Anyone, signed in or not: a checkpoint or a driver checks a number (only valid/expired/revoked/unknown and the end).
  verifyPermit: 'PUBLIC',
} as const satisfies PolicySlice;
