import type { CallUpStage } from '@cc/shared';

/** A call-up opened, moved a step, or one of its requests to the level above changed. */
export interface CallUpEventPayload {
  stage: CallUpStage;
}

declare module '../../../core/realtime/topics' {
  interface Topics {
    callUp: CallUpEventPayload;
  }
}

export const CALL_UP_TOPIC = 'callUp' as const;
