import type { ModuleTests } from '../../support/module-tests';
import { DAILY_REPORT_TESTS } from './daily-report.fixtures-part';

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export const MODULE: ModuleTests = {
  module: 'coordination',
  fixtures: { ...DAILY_REPORT_TESTS.fixtures },
  fieldHints: { ...DAILY_REPORT_TESTS.fieldHints },
  invariants: { ...DAILY_REPORT_TESTS.invariants },
};
