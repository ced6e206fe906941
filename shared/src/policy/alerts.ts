import { HQ, type PolicySlice } from './access';

/** Alerts: every HQ role sees its group's alerts (record-level, alert.policy.ts); leaders see all. */
export const ALERTS_POLICY = {
  alerts: HQ,
  alert: HQ,
  alertChanged: HQ,
  acknowledgeAlert: HQ,
  resolveAlert: ['LEADER', 'ADMIN'],
  alertRules: ['LEADER', 'ADMIN'],
  updateAlertRule: ['ADMIN'],
} as const satisfies PolicySlice;
