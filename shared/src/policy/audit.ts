import type { PolicySlice } from './access';

/** The audit trail: read-only, for those accountable (no operation changes it). */
export const AUDIT_POLICY = {
  auditRecords: ['ADMIN', 'LEADER'],
} as const satisfies PolicySlice;
