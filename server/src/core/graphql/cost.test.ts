import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { costLimitError } from './cost';
import { nulCharacterError } from './text-input';

const schema = buildSchema(`
  type Query { items(first: Int, title: String): [Item!]! }
  type Item { id: ID! children(limit: Int): [Item!]! }
`);
const limits = { maxCost: 1_000, defaultListSize: 100 };
const codeOf = (error: ReturnType<typeof costLimitError>) => error?.extensions['code'];

// The price of a document is remembered per parsed document; these prove the memory never answers
// for variables it was not computed with.
describe('the cost check, priced once per document', () => {
  it('prices each page size it is asked with, in any order, on the same parsed document', () => {
    const document = parse('query($n: Int) { items(first: $n) { id children(limit: 10) { id } } }');
    expect(costLimitError(schema, document, { n: 5 }, undefined, limits)).toBeUndefined();
    expect(codeOf(costLimitError(schema, document, { n: 500 }, undefined, limits))).toBe('QUERY_TOO_COMPLEX');
    expect(costLimitError(schema, document, { n: 5 }, undefined, limits)).toBeUndefined();
    expect(codeOf(costLimitError(schema, document, { n: 500 }, undefined, limits))).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts a selection an @include condition adds only when the condition holds', () => {
    const document = parse('query($deep: Boolean!) { items(first: 50) { id children(limit: 50) @include(if: $deep) { id } } }');
    expect(costLimitError(schema, document, { deep: false }, undefined, limits)).toBeUndefined();
    expect(codeOf(costLimitError(schema, document, { deep: true }, undefined, limits))).toBe('QUERY_TOO_COMPLEX');
    expect(costLimitError(schema, document, { deep: false }, undefined, limits)).toBeUndefined();
  });

  it('gives the same answer whatever the variables that cannot change the cost', () => {
    const document = parse('query($title: String) { items(first: 20, title: $title) { id children { id } } }');
    expect(codeOf(costLimitError(schema, document, { title: 'a' }, undefined, limits))).toBe('QUERY_TOO_COMPLEX');
    expect(codeOf(costLimitError(schema, document, { title: 'b' }, undefined, limits))).toBe('QUERY_TOO_COMPLEX');
  });

  it('prices each operation of a document by its own name', () => {
    const document = parse('query Small { items(first: 1) { id } } query Large { items(first: 50) { children { id } } }');
    expect(costLimitError(schema, document, {}, 'Small', limits)).toBeUndefined();
    expect(codeOf(costLimitError(schema, document, {}, 'Large', limits))).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('the NUL check, literals searched once per document', () => {
  it('refuses a NUL in a literal every time it is sent, and still checks the variables each time', () => {
    const withNul = parse('{ items(title: "a\\u0000b") { id } }');
    expect(nulCharacterError(withNul, {}, undefined)?.extensions['reason']).toBe('input/nul_character');
    expect(nulCharacterError(withNul, {}, undefined)?.extensions['reason']).toBe('input/nul_character');
    const clean = parse('query($title: String) { items(title: $title) { id } }');
    expect(nulCharacterError(clean, { title: 'ok' }, undefined)).toBeUndefined();
    expect(nulCharacterError(clean, { title: 'a\u0000' }, undefined)?.extensions['field']).toBe('variables.title');
  });
});

describe('the cost of introspection', () => {
  it('is nothing, so the standard introspection query is never refused as costly', () => {
    expect(costLimitError(schema, parse(getIntrospectionQuery()), {}, undefined, { maxCost: 1, defaultListSize: 100 })).toBeUndefined();
  });

  it('does not hide the cost of records asked for next to it', () => {
    const document = parse('{ __schema { types { name } } items(first: 50) { children(limit: 50) { id } } }');
    expect(codeOf(costLimitError(schema, document, {}, undefined, limits))).toBe('QUERY_TOO_COMPLEX');
  });
});
