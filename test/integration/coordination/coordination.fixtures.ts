import type { ModuleTests } from '../../support/module-tests';
import { DAILY_REPORT_TESTS } from './daily-report.fixtures-part';
import { DIRECTIVE_TESTS } from './directive.fixtures-part';
import { DOCUMENT_TESTS } from './documents.fixtures';

const PARTS = [DIRECTIVE_TESTS, DAILY_REPORT_TESTS, DOCUMENT_TESTS];

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export const MODULE: ModuleTests = {
  module: 'coordination',
  fixtures: Object.assign({}, ...PARTS.map((p) => p.fixtures)),
  fieldHints: Object.assign({}, ...PARTS.map((p) => p.fieldHints ?? {})),
  invariants: Object.assign({}, ...PARTS.map((p) => p.invariants)),
};
