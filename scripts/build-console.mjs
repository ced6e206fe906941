// Builds the console (client/) with Vite when client/dist is missing or older than its sources.
// Shared by `npm start` (scripts/start.mjs) and the browser tests' global setup, so neither
// serves a stale console and neither rebuilds one that is current.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const clientDir = path.join(root, 'client');
export const distDir = path.join(clientDir, 'dist');
const distIndex = path.join(distDir, 'index.html');

/** Everything the built console is made from. */
const SOURCES = [
  path.join(clientDir, 'src'),
  path.join(clientDir, 'public'),
  path.join(clientDir, 'index.html'),
  path.join(clientDir, 'vite.config.ts'),
  path.join(clientDir, 'package.json'),
  path.join(root, 'shared', 'src'),
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Why the console needs building, or null when client/dist is current. */
export function consoleStaleReason() {
  if (!existsSync(distIndex)) return 'client/dist/index.html is missing';
  const built = statSync(distIndex).mtimeMs;
  const newest = Math.max(...SOURCES.map(newestMtime));
  return newest > built ? 'sources changed since the last build' : null;
}

/**
 * Runs `vite build` with this Node (process.execPath: the project's Node 24, whichever `node`
 * is first on PATH). Builds into a temporary folder and swaps it in, so a running server never
 * serves a half-written console.
 */
export async function buildConsole({ log = console.log } = {}) {
  const require = createRequire(path.join(clientDir, 'package.json'));
  const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const tmp = path.join(clientDir, `.dist-build-${process.pid}`);
  const started = Date.now();
  log(`Building the console (vite build) …`);
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: clientDir,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed with exit code ${code}`))));
  }).catch(async (error) => {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  });
  const old = path.join(clientDir, `.dist-old-${process.pid}`);
  if (existsSync(distDir)) await rename(distDir, old);
  await rename(tmp, distDir);
  await rm(old, { recursive: true, force: true });
  log(`Console built in ${((Date.now() - started) / 1000).toFixed(1)} s → client/dist`);
}

/** Builds the console only if it is missing or stale. Returns whether it built. */
export async function ensureConsoleBuilt({ log = console.log } = {}) {
  const reason = consoleStaleReason();
  if (!reason) return false;
  log(`Console build needed: ${reason}.`);
  await buildConsole({ log });
  return true;
}
