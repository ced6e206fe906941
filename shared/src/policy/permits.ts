import type { PolicySlice } from './access';

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export const PERMITS_POLICY = {
  // Anyone, signed in or not: a checkpoint or a driver checks a number (only valid/expired/revoked/unknown and the end).
  verifyPermit: 'PUBLIC',
} as const satisfies PolicySlice;
