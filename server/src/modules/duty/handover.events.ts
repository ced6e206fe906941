/** A shift handover was generated, edited or signed. Consoles re-read it. */
export interface ShiftHandoverEventPayload {
  closed: boolean;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    shiftHandover: ShiftHandoverEventPayload;
  }
}

export const SHIFT_HANDOVER_TOPIC = 'shiftHandover' as const;
