#!/usr/bin/env node
// Compiles the server (server/src/main.ts and the shared workspace it imports) to one
// JavaScript file, server/dist/main.js (and the migration step to server/dist/migrate.js), so production runs plain `node` with no TypeScript
// loader. npm packages stay external: the runtime image installs them (`npm ci --omit=dev`).
// type-graphql uses TypeScript's legacy decorators with explicit type functions (no emitted
// metadata), which esbuild compiles from server/tsconfig.json's experimentalDecorators.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'server', 'dist');
const server = JSON.parse(readFileSync(path.join(root, 'server', 'package.json'), 'utf8'));

await rm(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  // main.js: the server; migrate.js: the one-off migration step (deploy/kubernetes/migrate-job.yaml).
  entryPoints: [path.join(root, 'server', 'src', 'main.ts'), path.join(root, 'server', 'src', 'migrate.ts')],
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  tsconfig: path.join(root, 'server', 'tsconfig.json'),
  // Every npm dependency (and its subpaths) is loaded from node_modules at run time; only our
  // own TypeScript (server, @cc/shared) is bundled.
  external: [...Object.keys(server.dependencies), ...Object.keys(server.devDependencies ?? {})].flatMap((name) => [name, `${name}/*`]),
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`server built to ${path.relative(root, outdir)}/main.js and migrate.js in ${Math.round(performance.now() - started)} ms`);
