import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rootManifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  workspaces: string[];
  devDependencies: Record<string, string>;
};

/** The machine's own Node and npm (what README's `npm install` runs on), not the project's Node 24. */
function systemNode(): { node: string; npmCli: string; major: number } {
  const node = ['/usr/bin/node', '/usr/local/bin/node'].find((candidate) => spawnSync(candidate, ['--version']).status === 0);
  if (!node) throw new Error('no system Node found at /usr/bin/node or /usr/local/bin/node');
  const npmCli = realpathSync(
    execFileSync('sh', ['-c', 'command -v npm'], { env: { PATH: '/usr/local/bin:/usr/bin:/bin' } })
      .toString()
      .trim(),
  );
  const major = Number(execFileSync(node, ['--version']).toString().trim().replace(/^v/, '').split('.')[0]);
  return { node, npmCli, major };
}

describe('npm install on the Node README asks for', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cc-npm-engines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('README and the root engines name the same minimum Node', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const minimum = /Needs Node\.js (\d+) or newer/.exec(readme)?.[1];
    expect(minimum).toBeDefined();
    expect(rootManifest.engines.node).toBe(`>=${minimum}`);
    // …and every script runs on the Node 24 the install brings.
    expect(rootManifest.devDependencies['node']).toMatch(/^24\./);
  });

  it('prints no "Unsupported engine" warning for dependencies that run on the project Node 24', () => {
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(path.join(ROOT, file), path.join(dir, file));
    for (const workspace of rootManifest.workspaces) {
      mkdirSync(path.join(dir, workspace));
      copyFileSync(path.join(ROOT, workspace, 'package.json'), path.join(dir, workspace, 'package.json'));
    }
    const { node, npmCli } = systemNode();
    const result = spawnSync(node, [npmCli, 'ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      env: { PATH: `${path.dirname(node)}:/usr/bin:/bin`, HOME: dir, npm_config_update_notifier: 'false' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/EBADENGINE|Unsupported engine/);
  }, 150_000);
});
