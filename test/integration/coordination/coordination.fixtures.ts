import type { ModuleTests } from '../../support/module-tests';
import { DOCUMENT_TESTS } from './documents.fixtures';

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export const MODULE: ModuleTests = {
  module: 'coordination',
  fixtures: { ...DOCUMENT_TESTS.fixtures },
  fieldHints: { ...DOCUMENT_TESTS.fieldHints },
  invariants: { ...DOCUMENT_TESTS.invariants },
};
