import type { ModuleTests } from '../../support/module-tests';

/** The leader's board: a read of the other modules' figures; it owns no table. */
export const MODULE: ModuleTests = {
  module: 'leader',
  fixtures: {
    leaderDashboard: () => ({}),
  },
  invariants: {},
};
