#!/usr/bin/env node
// Fails when shared/src/generated/ no longer matches shared/schema.graphql and the operation
// documents: the console would otherwise compile against types the server does not serve.
// Generates in memory (nothing is written) and compares with the committed files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
// codegen.ts has only type imports, which Node 24 strips natively.
const { default: config } = await import(path.join(root, 'codegen.ts'));

const outputs = await generate({ ...config, cwd: root, silent: true, verbose: false }, false);
const stale = [];
for (const output of outputs) {
  const file = path.resolve(root, output.filename);
  const committed = await readFile(file, 'utf8').catch(() => null);
  if (committed !== output.content) stale.push(path.relative(root, file));
}

if (stale.length > 0) {
  console.error(`Generated GraphQL types are stale: ${stale.join(', ')}`);
  console.error('They no longer match shared/schema.graphql and shared/src/operations/**/*.graphql.');
  console.error('Run `npm run schema && npm run codegen` and commit the result.');
  process.exit(1);
}
console.log(`codegen: ${outputs.length} generated file(s) up to date`);
