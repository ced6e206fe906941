import type { ModuleTests } from '../../support/module-tests';

/** The audit trail: one read-only query. */
export const MODULE: ModuleTests = {
  module: 'audit',
  fixtures: {
    auditRecords: () => ({ first: 5 }),
  },
  fieldHints: {
    entityType: ['Incident', 'User'],
    operation: ['reportIncident'],
  },
  invariants: {
    audit_record: {
      none: 'append-only (a trigger refuses UPDATE, DELETE and TRUNCATE: the fuzzer’s backstop test); that every change has its rows is the fuzzer’s generic check over every entity table',
    },
  },
};
