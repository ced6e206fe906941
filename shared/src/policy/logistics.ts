import type { PolicySlice } from './access';

/** 后勤保障: the supply ledger, intake, requisitions, the daily allocation plan, call-ups and the daily summary (issue 22). */
export const LOGISTICS_POLICY = {} as const satisfies PolicySlice;
