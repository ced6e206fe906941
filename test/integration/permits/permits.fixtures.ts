import type { ModuleTests } from '../../support/module-tests';

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export const MODULE: ModuleTests = {
  module: 'permits',
  fixtures: {},
  fieldHints: {},
  invariants: {},
};
