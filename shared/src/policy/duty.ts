import type { PolicySlice } from './access';

/** 值班值守: the roster, the duty phone's call log and its forwarding, HQ instructions, handover. */
export const DUTY_POLICY = {} as const satisfies PolicySlice;
