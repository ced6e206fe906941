import type { ModuleTests } from '../../support/module-tests';

/** 通行证: traffic-permit requests, their review, issued permits, verification and revocation (issue 21). */
export const MODULE: ModuleTests = {
  module: 'permits',
  fixtures: {
    // Public: any number gets an answer (UNKNOWN here), signed in or not.
    verifyPermit: () => ({ number: 'TXZ-0000-0000-0000' }),
  },
  fieldHints: {},
  invariants: {},
};
