import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/src/core/logger';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';
import { wsClient } from '../../support/ws-client';
import { TEST_PERMIT_SIGNING_KEY } from '../../support/permit-keys';

const ADMIN = { username: 'chief', password: 'chief-password-123' };
const PRODUCTION = {
  NODE_ENV: 'production',
  DEMO_MODE: 'false',
  ADMIN_USERNAME: ADMIN.username,
  ADMIN_PASSWORD: ADMIN.password,
  PERMIT_SIGNING_KEY: TEST_PERMIT_SIGNING_KEY,
};

/** Nothing an answer carries may look like a stack trace or SQL. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\n\s+at |\bat .+\.(ts|js):\d+/);
  expect(text).not.toMatch(/stacktrace|exception/i);
  expect(text).not.toMatch(/\b(select|insert|update|delete)\b .*\b(from|into|set)\b/i);
}

describe('production hardening (NODE_ENV=production)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ env: PRODUCTION, seed: false });
    // What main.ts does on a production first run (its own wiring is tested by starting main.ts in identity-first-run).
    await t.app.modules.identity.users.ensureFirstAdmin(t.app.orm.em.fork(), ADMIN, createLogger('silent'));
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { userId } }',
        variables: { u: ADMIN.username, p: ADMIN.password },
      }),
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie, 'the session cookie is Secure in production').toMatch(/;\s*Secure/i);
    admin = setCookie.split(';')[0]!;
  });
  afterAll(() => t?.close());

  it('has no demo users', async () => {
    const r = await t.gql('mutation { login(username: "duty", password: "demo-password") { userId } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses introspection, signed in or not', async () => {
    for (const cookie of [undefined, admin]) {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "User") { fields { name } } }']) {
        const r = await t.gql(query, {}, cookie);
        expect(r.data ?? null).toBeNull();
        expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    }
  });

  it('serves no GraphiQL page', async () => {
    const response = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('does not suggest field names to a client that guesses', async () => {
    const r = await t.gql('{ userz { id } }', {}, admin);
    expect(r.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('answers a body that is not JSON with a JSON error and a code, never a stack trace', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me {',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expectNoInternals(text);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', reason: 'request/invalid_json' } }],
    });
  });

  it('refuses a request body over the size limit with 413 and a message', async () => {
    const big = JSON.stringify({ query: '{ me { userId } }', variables: { padding: 'x'.repeat(400 * 1024) } });
    const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(response.status).toBe(413);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/too large/),
      extensions: { code: 'BAD_REQUEST', reason: 'request/too_large' },
    });
  });

  it('refuses a request that could return too many records, with the cost and the limit, on both doors', async () => {
    const wide = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: incidents(limit: 1000) { id }`).join(' ')} }`;
    const overHttp = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ query: wide }),
    });
    expect(overHttp.status).toBe(400);
    const httpBody = (await overHttp.json()) as GraphQLResponse;
    expect(httpBody.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/could return about 12000 records; at most 10000 are allowed/),
      extensions: { code: 'QUERY_TOO_COMPLEX', cost: 12000, maxCost: 10000 },
    });
    // The same request with variables: the page size comes from them.
    const withVariables = await t.gql(
      'query($n: Int!) { a: incidents(limit: $n) { id } b: incidents(limit: $n) { id } }',
      { n: 6000 },
      admin,
    );
    expect(withVariables.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await t.gql('query($n: Int!) { a: incidents(limit: $n) { id } }', { n: 50 }, admin)).errors).toBeUndefined();

    const client = wsClient(t.wsUrl, admin);
    const overWs = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: wide }, { next: resolve, error: resolve, complete: () => undefined });
    });
    expect(JSON.stringify(overWs)).toMatch(/QUERY_TOO_COMPLEX/);
    await client.dispose();
  });

  it('keeps error answers to a code and an actionable message: no stack traces, no SQL', async () => {
    const answers = await Promise.all([
      t.gql('{ me { userId } }', { unused: 1 }, admin),
      t.gql('query($id: ID!) { memberUnit(id: $id) { id } }', { id: 42.5 }, admin),
      t.gql('query($id: ID!) { memberUnit(id: $id) { id } }', { id: 'not-a-uuid' }, admin),
      t.gql('mutation { setUserActive(id: "00000000-0000-4000-8000-000000000000", active: false) { id } }', {}, admin),
      t.gql(
        'mutation($i: CreateMemberUnitInput!) { createMemberUnit(input: $i) { id } }',
        { i: { code: 'X'.repeat(300), name: 'y' } },
        admin,
      ),
      t.gql('{ users { id } }'),
    ]);
    for (const answer of answers) {
      for (const error of answer.errors ?? []) {
        expect(typeof error.extensions?.code).toBe('string');
        expect(error.message.length).toBeGreaterThan(0);
      }
      expectNoInternals(JSON.stringify(answer));
    }
    expect(answers[2]!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(answers[4]!.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(answers[5]!.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
