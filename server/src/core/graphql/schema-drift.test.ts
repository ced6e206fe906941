import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModules } from '../../modules';
import { buildGraphQLSchema, printContract } from './schema';

describe('the committed schema', () => {
  it('matches the code (run `npm run schema` after changing the API)', async () => {
    const schema = await buildGraphQLSchema(createModules({ sessionTtlMs: 1 }).resolvers);
    const committed = readFileSync(new URL('../../../../shared/schema.graphql', import.meta.url), 'utf8');
    expect(printContract(schema)).toBe(committed);
  });
});
