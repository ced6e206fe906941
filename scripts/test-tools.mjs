#!/usr/bin/env node
// `npm test` step 0: the system programs the suite drives for real, on a machine that may have
// none of them. The browser tests run Debian's Chromium (with CJK fonts for the zh-CN screens);
// the proxy drill runs Debian's Caddy, as docker-compose.yml does. What is missing is installed
// with apt-get when we can (root on Debian, as CI and a fresh review machine are); otherwise we
// stop with the command that would install it, rather than failing later in the middle of a test.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = {
  chromium: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  'fonts-noto-cjk': () => spawnSync('dpkg', ['-s', 'fonts-noto-cjk'], { stdio: 'ignore' }).status === 0,
  caddy: () => spawnSync('caddy', ['version'], { stdio: 'ignore' }).status === 0,
};

const missing = Object.entries(has)
  .filter(([, present]) => !present())
  .map(([name]) => name);
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!root || !apt) {
  console.error(`npm test needs ${missing.join(', ')} (Debian packages). Install them first:\n  sudo ${command}`);
  process.exit(1);
}
console.log(`Installing what the tests drive: ${missing.join(', ')}`);
try {
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.error(`Could not install ${missing.join(', ')}; run: ${command}`);
  process.exit(1);
}
