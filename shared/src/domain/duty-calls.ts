/**
 * 值班记录: the duty phone's call log (issue 20). Words and limits both ends share: the console
 * counts against the same limits the server refuses past (ADR: refuse, never cut short).
 */

/** 疫情报告 物资需求 运输/送诊 通行证咨询 信访 指挥部指示 其他 (seed 003). */
export const DUTY_CALL_CATEGORIES = [
  'EPIDEMIC_REPORT',
  'SUPPLY_NEED',
  'TRANSPORT',
  'PERMIT_ENQUIRY',
  'PETITION',
  'HQ_INSTRUCTION',
  'OTHER',
] as const;
export type DutyCallCategory = (typeof DUTY_CALL_CATEGORIES)[number];

/** 一般 紧急 特急. */
export const DUTY_CALL_URGENCIES = ['ROUTINE', 'URGENT', 'CRITICAL'] as const;
export type DutyCallUrgency = (typeof DUTY_CALL_URGENCIES)[number];

/** 待运转 已运转 已办结. */
export const DUTY_CALL_STATUSES = ['OPEN', 'FORWARDED', 'CLOSED'] as const;
export type DutyCallStatus = (typeof DUTY_CALL_STATUSES)[number];

/** What a call was turned into (permits, requisitions and directives join as those modules land). */
export const DUTY_CALL_OUTCOME_KINDS = ['INCIDENT', 'DISPATCH_ORDER'] as const;
export type DutyCallOutcomeKind = (typeof DUTY_CALL_OUTCOME_KINDS)[number];

/** The fields a correction may change; every other field is the record of who did what, never corrected. */
export const DUTY_CALL_CORRECTABLE_FIELDS = [
  'callerName',
  'callerPhone',
  'unitText',
  'category',
  'urgency',
  'summary',
  'notes',
  'receivedAt',
] as const;
export type DutyCallCorrectableField = (typeof DUTY_CALL_CORRECTABLE_FIELDS)[number];

/** The longest text each call field takes. */
export const DUTY_CALL_TEXT_LIMITS = {
  callerName: 100,
  unitText: 200,
  summary: 2_000,
  notes: 5_000,
  forwardNote: 1_000,
  acknowledgementNote: 1_000,
  correctionReason: 500,
  closeNote: 1_000,
} as const;

/** ZB-yyyymmdd-nnn: the HQ day the call was logged on and its place in that day's log (1-based). */
export function dutyCallNumber(day: string, sequence: number): string {
  return `ZB-${day.replaceAll('-', '')}-${String(sequence).padStart(3, '0')}`;
}
