import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../server/src/core/config';

/**
 * The README's configuration table is what an operator reads; it must name exactly the variables
 * the server reads (server/src/core/config.ts). Validation itself is tested beside the code
 * (server/src/core/config.test.ts).
 */
describe('README configuration table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  const documented = [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]);

  it('documents every variable the server reads, once', () => {
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('gives each variable a default (or says it is unset) and a meaning', () => {
    for (const line of section.split('\n').filter((l) => /^\|\s*`[A-Z]/.test(l))) {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      expect(cells, line).toHaveLength(3);
      expect(cells[1], `${cells[0]} default`).not.toBe('');
      expect(cells[2]!.length, `${cells[0]} meaning`).toBeGreaterThan(10);
    }
  });
});
