#!/usr/bin/env node
// `npm start`: builds the console if needed, then runs the server (API, WebSocket and the
// console on one port). The server runs in a child process of this same Node (24): from its
// TypeScript sources with tsx as the loader when tsx is installed (a developer machine: always
// the current sources), else the compiled server/dist/main.js (a production install, as in the
// Docker image, has no devDependencies). Signals are passed on and its exit code becomes ours.
// The npm script `exec`s this file, so npm's forwarded SIGTERM/SIGINT reaches this process (a
// plain `sh -c` would die of it and leave us running). Should whatever started us die without
// telling us (npm killed with SIGKILL, a wrapper that drops the signal), we notice that our
// parent changed and stop the server too: it must never outlive what a person or orchestrator started.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureConsoleBuilt, root } from './build-console.mjs';

function serverArguments() {
  try {
    createRequire(path.join(root, 'package.json')).resolve('tsx');
    return ['--import', 'tsx', path.join(root, 'server', 'src', 'main.ts')];
  } catch {
    const built = path.join(root, 'server', 'dist', 'main.js');
    if (existsSync(built)) return ['--enable-source-maps', built];
    console.error('Neither tsx (a development install) nor server/dist/main.js (run `npm run build`) is there to start the server.');
    process.exit(1);
  }
}

const serverArgs = serverArguments();
const fromSources = serverArgs[0] === '--import';

// A production install has no Vite and ships the console prebuilt: only a source run rebuilds it.
if (fromSources) {
  try {
    await ensureConsoleBuilt();
  } catch (error) {
    console.error(`The console could not be built: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}

const child = spawn(process.execPath, serverArgs, {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of SIGNALS) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}

const parentAtStart = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid !== parentAtStart && child.exitCode === null) {
    clearInterval(orphanWatch);
    child.kill('SIGTERM');
  }
}, 1_000);
orphanWatch.unref();

child.on('error', (error) => {
  console.error(`Could not start the server: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  // A child killed by a signal exits like a shell would report it: 128 + the signal number.
  const signalCodes = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  process.exit(code ?? (signal ? 128 + (signalCodes[signal] ?? 0) : 1));
});
