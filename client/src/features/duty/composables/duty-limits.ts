import { DUTY_CALL_CORRECTABLE_FIELDS, DUTY_CALL_TEXT_LIMITS, type DutyCallCorrectableField } from '@cc/shared';

export { DUTY_CALL_CATEGORIES, DUTY_CALL_STATUSES, DUTY_CALL_URGENCIES } from '@cc/shared';

/**
 * The longest text each field of a call takes: the server's limits (shared), named as the
 * console's fields are. CountedInput shows the count; more is refused with a message, never cut.
 */
export const DUTY_CALL_LIMITS = {
  callerName: DUTY_CALL_TEXT_LIMITS.callerName,
  // A phone number is checked for its shape by the server; this only keeps the field sane.
  callerPhone: 40,
  unitText: DUTY_CALL_TEXT_LIMITS.unitText,
  summary: DUTY_CALL_TEXT_LIMITS.summary,
  notes: DUTY_CALL_TEXT_LIMITS.notes,
  note: DUTY_CALL_TEXT_LIMITS.forwardNote,
  reason: DUTY_CALL_TEXT_LIMITS.correctionReason,
} as const;

/** Fields a correction may change (CorrectDutyCallInput.field); the category keys 1–7 follow DUTY_CALL_CATEGORIES. */
export const CORRECTABLE_FIELDS = DUTY_CALL_CORRECTABLE_FIELDS;
export type CorrectableField = DutyCallCorrectableField;
