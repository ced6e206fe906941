/**
 * The authorization table lives in shared/src/policy/: one slice per module
 * (shared/src/policy/<module>.ts), merged in shared/src/policy/index.ts. This file keeps
 * `import … from './policy'` meaning that merged table.
 */
export * from './policy/index';
