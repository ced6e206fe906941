/** A shift changed: planned, edited, removed, or a member checked in. Consoles re-read the roster. */
export interface DutyShiftEventPayload {
  startsAt: string;
  endsAt: string;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    dutyShift: DutyShiftEventPayload;
  }
}

export const DUTY_SHIFT_TOPIC = 'dutyShift' as const;
