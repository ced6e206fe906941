import { describe, expect, it } from 'vitest';

/** Every .vue file of the console, as text, by path. */
const sources = import.meta.glob<string>('../../**/*.vue', { query: '?raw', import: 'default', eager: true });

describe('text fields never cut what a person typed or pasted (issue 27)', () => {
  it('no field sets maxlength, which drops everything past the limit without a word: CountedInput counts and the form refuses', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const cutting = Object.entries(sources)
      .filter(([, text]) => /\smaxlength=/.test(text))
      .map(([file]) => file);
    expect(cutting).toEqual([]);
  });
});
