#!/usr/bin/env node
/**
 * `npm run check` (part of `npm test`): format, lint, typecheck and codegen staleness, in that
 * order, stopping at the first failure. `npm run check -- --fix` rewrites formatting and
 * auto-fixable lint findings first, then runs the remaining checks.
 *
 * Every tool runs as a child of the project's Node (the `node` devDependency, Node 24): npm puts
 * node_modules/.bin first on PATH, so process.execPath is that Node. Run directly with an older
 * system Node, this script re-executes itself with the project's one.
 *
 * `--skip=format,lint` (or `--skip=typecheck` for every typecheck) leaves steps out while working locally; CI never skips.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const fix = process.argv.includes('--fix');
const skipped = new Set(
  process.argv
    .filter((a) => a.startsWith('--skip='))
    .flatMap((a) => a.slice('--skip='.length).split(','))
    .map((s) => s.trim()),
);

const REQUIRED_NODE_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_NODE_MAJOR) {
  const projectNode = path.join(root, 'node_modules', '.bin', 'node');
  if (!existsSync(projectNode)) {
    console.error(
      `check: Node ${process.versions.node} is too old and node_modules has no Node ${REQUIRED_NODE_MAJOR}; run \`npm install\` first.`,
    );
    process.exit(1);
  }
  const again = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  process.exit(again.status ?? 1);
}

/** The JS entry point of a package's executable, run with our Node rather than a shell shim. */
function binOf(pkg, name = pkg) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin?.[name];
  if (!relative) throw new Error(`${pkg} has no "${name}" executable`);
  return path.join(path.dirname(manifestPath), relative);
}

function run(file, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const steps = [
  {
    name: 'format',
    what: fix ? 'prettier --write' : 'prettier --check',
    hint: 'run `npm run check -- --fix` to format the files listed above',
    run: () => run(binOf('prettier'), [fix ? '--write' : '--check', '--log-level', fix ? 'warn' : 'log', '.']),
  },
  {
    name: 'lint',
    what: fix ? 'eslint --fix' : 'eslint',
    hint: 'fix the findings above (`npm run check -- --fix` fixes the automatic ones)',
    run: () => run(binOf('eslint'), fix ? ['--fix', '.'] : ['.']),
  },
  {
    name: 'typecheck server',
    what: 'tsc -p server --noEmit (server + shared)',
    hint: 'fix the type errors above',
    run: () => run(binOf('typescript', 'tsc'), ['-p', 'server', '--noEmit']),
  },
  {
    name: 'typecheck client',
    what: 'vue-tsc -p client --noEmit',
    hint: 'fix the type errors above',
    when: () => existsSync(path.join(root, 'client', 'tsconfig.json')),
    run: async () => {
      const status = await run(binOf('vue-tsc'), ['-p', 'client/tsconfig.json', '--noEmit']);
      if (status !== 0 || !existsSync(path.join(root, 'client', 'tsconfig.node.json'))) return status;
      return run(binOf('typescript', 'tsc'), ['-p', 'client/tsconfig.node.json', '--noEmit']);
    },
  },
  {
    // The tests and the benchmark are code too: a wrong type there hides a test that cannot fail.
    name: 'typecheck tests',
    what: 'tsc --noEmit for test, test/browser (DOM) and bench',
    hint: 'fix the type errors above',
    run: async () => {
      for (const project of ['test', 'test/browser', 'bench']) {
        const status = await run(binOf('typescript', 'tsc'), ['-p', project, '--noEmit']);
        if (status !== 0) return status;
      }
      return 0;
    },
  },
  {
    name: 'codegen',
    what: 'generated code matches schema.graphql and the operations',
    hint: 'regenerate the typed documents (see scripts/check-codegen.mjs) and commit them',
    when: () => existsSync(path.join(root, 'scripts', 'check-codegen.mjs')),
    run: () => run(path.join(root, 'scripts', 'check-codegen.mjs'), []),
  },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const summary = [];
const started = performance.now();
for (const step of steps) {
  if (skipped.has(step.name) || skipped.has(step.name.split(' ')[0])) {
    summary.push(`  -     ${step.name.padEnd(17)} skipped (--skip)`);
    continue;
  }
  if (step.when && !step.when()) {
    summary.push(`  -     ${step.name.padEnd(17)} skipped (${step.what}: nothing to check yet)`);
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.what}`);
  const t0 = performance.now();
  const status = await step.run();
  const took = seconds(performance.now() - t0);
  if (status !== 0) {
    summary.push(`  FAIL  ${step.name.padEnd(17)} ${took}`);
    console.error(`\ncheck summary:\n${summary.join('\n')}`);
    console.error(`\ncheck failed at "${step.name}" (${step.what}): ${step.hint}.`);
    process.exit(1);
  }
  summary.push(`  ok    ${step.name.padEnd(17)} ${took}`);
  console.log(`✔ ${step.name} ok in ${took}`);
}
console.log(`\ncheck summary:\n${summary.join('\n')}\ncheck passed in ${seconds(performance.now() - started)}`);
