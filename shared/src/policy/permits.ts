import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who puts permits to use on the transport side (运输调配); the leader on duty may step in. */
const PERMIT_DISPATCHING: readonly Role[] = ['DISPATCHER', 'LEADER'];

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export const PERMITS_POLICY = {
  // links to dispatch (issue 21): a job's permit, standby vehicles' standing permits, the day's figures
  attachablePermits: PERMIT_DISPATCHING,
  standingPermitChoices: PERMIT_DISPATCHING,
  attachPermitToAssignment: PERMIT_DISPATCHING,
  grantStandingPermit: PERMIT_DISPATCHING,
  withdrawStandingPermit: PERMIT_DISPATCHING,
  permitFigures: HQ,
} as const satisfies PolicySlice;
