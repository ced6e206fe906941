import type { PolicySlice } from './access';

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export const COORDINATION_POLICY = {} as const satisfies PolicySlice;
