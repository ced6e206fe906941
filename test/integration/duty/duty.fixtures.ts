import type { ModuleTests } from '../../support/module-tests';

/** 值班值守: fixtures for every duty operation, and the duty tables' invariants. */
export const MODULE: ModuleTests = {
  module: 'duty',
  fixtures: {},
  invariants: {},
};
