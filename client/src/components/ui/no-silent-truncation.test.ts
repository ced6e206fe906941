import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

/** Every .vue file of the console, relative to client/src. */
function vueFiles(): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[]).filter((file) => file.endsWith('.vue'));
}

describe('text fields never cut what a person typed or pasted (issue 27)', () => {
  it('no field sets maxlength, which drops everything past the limit without a word: CountedInput counts and the form refuses', () => {
    const cutting = vueFiles().filter((file) => /\smaxlength=/.test(readFileSync(path.join(SRC, file), 'utf8')));
    expect(cutting).toEqual([]);
  });
});
