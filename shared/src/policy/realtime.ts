import type { PolicySlice } from './access';

/** The realtime core: where a topic's event stream stands, for resuming subscriptions. */
export const REALTIME_POLICY = {
  livePosition: 'AUTHENTICATED',
} as const satisfies PolicySlice;
