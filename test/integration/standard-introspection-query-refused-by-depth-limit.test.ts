import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../server/src/core/graphql/limits';
import { startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app';
import { TEST_PERMIT_SIGNING_KEY } from '../support/permit-keys';

/**
 * GraphiQL, codegen and every editor plugin send graphql's standard introspection query, which
 * is 15 levels deep through `ofType`. The depth limit (10) refused it, so standard tooling could
 * not read the schema in development. Introspection no longer counts against the limits where it
 * is allowed; production still refuses it, and a deep query of real data is still refused.
 */
const codes = (answer: GraphQLResponse) => (answer.errors ?? []).map((e) => e.extensions?.code);

/** Records nested `levels` deep through the fleet's own cycle (company → vehicles → company …), one per page so only depth is at stake. */
function deepDataQuery(levels: number): string {
  let inner = '__typename';
  for (let i = 0; i < levels; i++) inner = (levels - 1 - i) % 2 === 0 ? `vehicles(first: 1) { ${inner} }` : `company { ${inner} }`;
  return `{ standbyBoard { companies(first: 1) { ${inner} } } }`;
}

describe('the standard introspection query outside production', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    cookie = await t.login('admin');
  });
  afterAll(() => t?.close());

  it('returns the whole schema to getIntrospectionQuery() over HTTP', async () => {
    const answer = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, cookie);
    expect(answer.errors).toBeUndefined();
    const schema = buildClientSchema(answer.data!);
    expect(printSchema(schema)).toContain('type IncidentChange');
    expect(schema.getSubscriptionType()?.getFields()).toHaveProperty('dispatchOrderChanged');
  });

  it('still refuses a query of records nested deeper than the limit', async () => {
    const answer = await t.gql(deepDataQuery(DEFAULT_QUERY_LIMITS.maxDepth + 2), {}, cookie);
    expect(codes(answer), JSON.stringify(answer.errors)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.errors?.[0]?.message).toMatch(/nested \d+ levels deep/);
    expect(answer.data ?? null).toBeNull();
  });
});

describe('the standard introspection query in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      seed: false,
      env: {
        NODE_ENV: 'production',
        DEMO_MODE: 'false',
        ADMIN_USERNAME: 'chief',
        ADMIN_PASSWORD: 'a-production-password-1',
        PERMIT_SIGNING_KEY: TEST_PERMIT_SIGNING_KEY,
      },
    });
  });
  afterAll(() => t?.close());

  it('is refused', async () => {
    const answer = await t.gql(getIntrospectionQuery());
    expect(answer.data ?? null).toBeNull();
    expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(answer)).not.toContain('IncidentChange');
  });
});
