import type { GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_POLICY } from '@cc/shared';
import { buildGraphQLSchema } from '../../server/src/core/graphql/schema';
import { createModules } from '../../server/src/modules';
import { rootOperations } from '../support/operation-documents';
import { allFixtures } from '../support/module-tests';

describe('the authorization policy (shared/src/policy/<module>.ts)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGraphQLSchema(createModules({ sessionTtlMs: 60_000 }).resolvers);
  });

  it('names every root query, mutation and subscription of the schema, and nothing else', () => {
    const inSchema = rootOperations(schema).map((o) => o.name);
    const inPolicy = Object.keys(OPERATION_POLICY);
    const withoutPolicy = inSchema.filter((name) => !inPolicy.includes(name));
    const withoutOperation = inPolicy.filter((name) => !inSchema.includes(name));
    expect(withoutPolicy, 'operations in the schema with no entry in OPERATION_POLICY').toEqual([]);
    expect(withoutOperation, 'OPERATION_POLICY entries with no operation in the schema').toEqual([]);
    expect(inSchema.length).toBeGreaterThan(0);
  });

  it('gives every root operation a fixture for the generic authorization and audit tests', async () => {
    const fixtures = await allFixtures();
    const missing = rootOperations(schema)
      .map((o) => o.name)
      .filter((name) => !fixtures.has(name));
    // test/integration/module-coverage.test.ts names each one's module and file.
    expect(missing, 'operations with no fixture in any test/integration/<module>/<module>.fixtures.ts').toEqual([]);
  });

  it('lists each role at most once per operation and never an empty role list', () => {
    for (const [operation, access] of Object.entries(OPERATION_POLICY)) {
      if (typeof access === 'string') continue;
      expect(access.length, operation).toBeGreaterThan(0);
      expect(new Set(access).size, operation).toBe(access.length);
    }
  });
});
