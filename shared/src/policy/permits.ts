import type { PolicySlice } from './access';

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export const PERMITS_POLICY = {} as const satisfies PolicySlice;
