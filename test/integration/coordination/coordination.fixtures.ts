import type { ModuleTests } from '../../support/module-tests';

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export const MODULE: ModuleTests = {
  module: 'coordination',
  fixtures: {},
  fieldHints: {},
  invariants: {},
};
