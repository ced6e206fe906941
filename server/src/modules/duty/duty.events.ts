import type { DutyCallStatus } from '@cc/shared';

/**
 * A duty call changed: logged, claimed, forwarded, acknowledged, corrected, closed or turned
 * into another record. `forwardedUnitIds` lets a unit liaison's stream keep only the calls
 * forwarded to their unit without a read.
 */
export interface DutyCallEventPayload {
  number: string;
  status: DutyCallStatus;
  forwardedUnitIds: string[];
  changed: string[];
}

/** A shift changed: planned, edited, removed, or a member checked in. Consoles re-read the roster. */
export interface DutyShiftEventPayload {
  startsAt: string;
  endsAt: string;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    dutyCall: DutyCallEventPayload;
    dutyShift: DutyShiftEventPayload;
  }
}

export const DUTY_CALL_TOPIC = 'dutyCall' as const;
export const DUTY_SHIFT_TOPIC = 'dutyShift' as const;
