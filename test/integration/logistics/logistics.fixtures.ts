import type { ModuleTests } from '../../support/module-tests';

/** 后勤保障: the supply ledger, intake, requisitions, the daily allocation plan, call-ups and the daily summary (issue 22). */
export const MODULE: ModuleTests = {
  module: 'logistics',
  fixtures: {},
  fieldHints: {},
  invariants: {},
};
