import {
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_POLICY, type Role } from '@cc/shared';
import { DEFAULT_COST_LIMITS } from '../../server/src/core/graphql/cost';
import { DEFAULT_QUERY_LIMITS } from '../../server/src/core/graphql/limits';
import { rootOperations } from '../support/operation-documents';
import { RawSocket, type WsAnswer } from '../support/raw-ws';
import { fullDocument, minimalVariables } from '../support/schema-arbitraries';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_PERMIT_SIGNING_KEY } from '../support/permit-keys';

/**
 * The same hostile documents through both doors: POST /graphql and graphql-transport-ws on the
 * same path. Each must be refused with the same `extensions.code` on both, without internals in
 * the answer (issue 14: the WebSocket does not pass through Apollo's pipeline, so every check is
 * applied there again).
 */

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

interface Hostile {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
  /** Refused while it runs (by the resolver or the unit of work), so `data` is present (null). */
  runs?: boolean;
  /** The codes expected (the set of extensions.code over all errors), outside and in production. */
  codes: readonly string[];
  productionCodes?: readonly string[];
}

async function overHttp(
  t: TestApp,
  cookie: string,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
  extensions?: Record<string, unknown>,
): Promise<Answer & { status: number }> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}), ...(extensions ? { extensions } : {}) }),
  });
  return { status: response.status, ...((await response.json()) as Answer) };
}

function codesOf(answer: Answer | WsAnswer): string[] {
  return [...new Set((answer.errors ?? []).map((e) => String(e.extensions?.['code'] ?? 'MISSING')))].sort();
}

/** No stack trace, no file paths, no SQL, no internal class names in what a client sees. */
function expectNoInternals(answer: Answer | WsAnswer, where: string) {
  for (const error of answer.errors ?? []) {
    expect(error.extensions ?? {}, where).not.toHaveProperty('stacktrace');
    expect(error.extensions ?? {}, where).not.toHaveProperty('exception');
    expect(error.message, where).not.toMatch(
      /\n\s+at |node_modules|\.ts:\d+|\.js:\d+|\bselect\b.+\bfrom\b|\binsert into\b|\bupdate\b.+\bset\b|TypeError|ReferenceError|DriverException/i,
    );
  }
}

/** A selection nested `levels` fields deep through the schema's own cycles (e.g. order → assignment → vehicle → order). */
function deepSelection(schema: GraphQLSchema, levels: number): string | undefined {
  // Memoised by (type, depth left): the search stays small however the types loop.
  const memo = new Map<string, string | undefined>();
  const walk = (type: GraphQLObjectType, remaining: number): string | undefined => {
    const key = `${type.name}:${remaining}`;
    if (memo.has(key)) return memo.get(key);
    memo.set(key, undefined);
    let found: string | undefined;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const inner = getNamedType(field.type);
      if (!isObjectType(inner) || inner.name.startsWith('__')) continue;
      const rest = remaining === 1 ? '__typename' : walk(inner, remaining - 1);
      if (rest) {
        found = `${field.name} { ${rest} }`;
        break;
      }
    }
    memo.set(key, found);
    return found;
  };
  return walk(schema.getQueryType()!, levels);
}

function hostileDocuments(schema: GraphQLSchema): Hostile[] {
  const tooDeep = deepSelection(schema, DEFAULT_QUERY_LIMITS.maxDepth + 2);
  const introspectionDepth = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }`;
  const introspectionFanOut = '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }';
  const aliases = Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases + 10 }, (_, i) => `a${i}: me { userId }`).join(' ');
  const tokens = `{ me { ${'userId '.repeat(DEFAULT_QUERY_LIMITS.maxTokens + 100)} } }`;
  const list = Object.values(schema.getQueryType()!.getFields()).find(
    (f) => isListType(getNullableType(f.type)) && f.args.some((a) => a.name === 'limit' || a.name === 'first'),
  );
  const pageArg = list?.args.find((a) => a.name === 'limit' || a.name === 'first');
  const documents: Hostile[] = [
    {
      // A chain of single objects: allowed where introspection is (the standard introspection query is 15 deep).
      name: 'deep nesting through introspection',
      query: introspectionDepth,
      codes: [],
      productionCodes: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX'],
    },
    {
      // The nesting that multiplies (fields of types of fields …): graphql-js's MaxIntrospectionDepthRule.
      name: 'multiplying nesting through introspection',
      query: introspectionFanOut,
      codes: ['GRAPHQL_VALIDATION_FAILED'],
      productionCodes: ['GRAPHQL_VALIDATION_FAILED'],
    },
    {
      name: 'an alias flood of introspection',
      query: `{ ${Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases + 10 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`,
      codes: ['QUERY_TOO_COMPLEX'],
      productionCodes: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX'],
    },
    { name: 'an alias flood', query: `{ ${aliases} }`, codes: ['QUERY_TOO_COMPLEX'] },
    { name: 'a token flood', query: tokens, codes: ['GRAPHQL_PARSE_FAILED'] },
    { name: 'a directive flood', query: `{ me ${'@include(if: true) '.repeat(1_000)} { userId } }`, codes: ['GRAPHQL_PARSE_FAILED'] },
    {
      name: 'a repeated non-repeatable directive',
      query: '{ me @skip(if: false) @skip(if: false) { userId } }',
      codes: ['GRAPHQL_VALIDATION_FAILED'],
    },
    { name: 'an unknown directive', query: '{ me @evil(payload: "x") { userId } }', codes: ['GRAPHQL_VALIDATION_FAILED'] },
    {
      name: 'a fragment cycle',
      query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      codes: ['GRAPHQL_VALIDATION_FAILED'],
    },
    {
      name: 'a fragment spread on itself',
      query: '{ ...A } fragment A on Query { me { userId } ...A }',
      codes: ['GRAPHQL_VALIDATION_FAILED'],
    },
    { name: 'a syntax error', query: '{ me { userId ', codes: ['GRAPHQL_PARSE_FAILED'] },
    { name: 'an empty document', query: ' ', codes: ['GRAPHQL_PARSE_FAILED'] },
    { name: 'an unknown field (with a suggestion outside production)', query: '{ mee { userId } }', codes: ['GRAPHQL_VALIDATION_FAILED'] },
    {
      name: 'an unknown operation name',
      query: 'query A { me { userId } } query B { me { username } }',
      operationName: 'Nope',
      codes: ['OPERATION_RESOLUTION_FAILURE'],
    },
    {
      name: 'two operations and no operation name',
      query: 'query A { me { userId } } query B { me { username } }',
      codes: ['OPERATION_RESOLUTION_FAILURE'],
    },
    {
      name: 'a variable of the wrong type',
      query: 'query($id: ID!) { incident(id: $id) { id } }',
      variables: { id: { $ne: null } },
      codes: ['BAD_USER_INPUT'],
    },
    {
      name: 'a missing required variable',
      query: 'query($id: ID!) { incident(id: $id) { id } }',
      variables: {},
      codes: ['BAD_USER_INPUT'],
    },
    {
      name: 'a string where a Boolean belongs',
      query: 'query($open: Boolean!) { incidents(openOnly: $open) { id } }',
      variables: { open: 'yes' },
      codes: ['BAD_USER_INPUT'],
    },
    {
      name: 'introspection of the schema',
      query: '{ __schema { queryType { name } } }',
      codes: [],
      productionCodes: ['GRAPHQL_VALIDATION_FAILED'],
    },
    {
      name: 'introspection of one type',
      query: '{ __type(name: "Query") { fields { name } } }',
      codes: [],
      productionCodes: ['GRAPHQL_VALIDATION_FAILED'],
    },
    {
      name: 'a NUL character in a variable',
      query: 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
      variables: { input: { title: 'a\u0000b', incidentClass: 'C' } },
      codes: ['BAD_USER_INPUT'],
    },
    { name: 'a NUL character in a string literal', query: '{ livePosition(topic: "x\\u0000y") }', codes: ['BAD_USER_INPUT'] },
    {
      name: 'an idempotency key of 3 characters',
      query: 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
      variables: { input: { title: '幂等键过短（测试）', incidentClass: 'C' } },
      extensions: { idempotencyKey: 'abc' },
      codes: ['BAD_USER_INPUT'],
      runs: true,
    },
  ];
  if (tooDeep)
    documents.push({
      name: `nesting ${DEFAULT_QUERY_LIMITS.maxDepth + 2} fields deep`,
      query: `{ ${tooDeep} }`,
      codes: ['QUERY_TOO_COMPLEX'],
    });
  if (list && pageArg) {
    const big = DEFAULT_COST_LIMITS.maxCost * 10;
    documents.push(
      {
        name: `a list of ${big} records (literal)`,
        query: `{ ${list.name}(${pageArg.name}: ${big}) { __typename } }`,
        codes: ['QUERY_TOO_COMPLEX'],
      },
      {
        name: `a list of ${big} records (variable)`,
        query: `query($n: Int!) { ${list.name}(${pageArg.name}: $n) { __typename } }`,
        variables: { n: big },
        codes: ['QUERY_TOO_COMPLEX'],
      },
    );
  }
  return documents;
}

function rolesOutside(access: readonly Role[]): Role | undefined {
  const all: Role[] = ['UNIT_LIAISON', 'DUTY_OFFICER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'DISPATCHER', 'LEADER', 'ADMIN', 'INSPECTOR'];
  return all.find((r) => !access.includes(r));
}

const DEMO_BY_ROLE: Record<Role, string> = {
  DUTY_OFFICER: 'duty',
  LEADER: 'leader',
  DISPATCHER: 'dispatcher',
  LOGISTICS_OFFICER: 'logistics',
  COORDINATOR: 'coordinator',
  UNIT_LIAISON: 'liaison',
  ADMIN: 'admin',
  INSPECTOR: 'inspector',
};

for (const mode of ['test', 'production'] as const) {
  describe(`hostile documents, HTTP and WebSocket alike (NODE_ENV=${mode})`, () => {
    let t: TestApp;
    let cookie: string;
    let socket: RawSocket;
    beforeAll(async () => {
      if (mode === 'production') {
        // Production as an operator runs it: no demo data, the first administrator from the environment.
        const admin = { username: 'chief', password: 'a-production-password-1' };
        t = await startTestApp({
          seed: false,
          env: {
            NODE_ENV: 'production',
            DEMO_MODE: 'false',
            ADMIN_USERNAME: admin.username,
            ADMIN_PASSWORD: admin.password,
            PERMIT_SIGNING_KEY: TEST_PERMIT_SIGNING_KEY,
          },
        });
        await t.app.modules.identity.users.ensureFirstAdmin(t.app.orm.em.fork(), admin, { info: () => undefined } as never);
        cookie = await t.login(admin.username, admin.password);
      } else {
        t = await startTestApp();
        cookie = await t.login('admin');
      }
      socket = await RawSocket.connect(t.wsUrl, cookie);
    });
    afterAll(async () => {
      socket?.close();
      await t?.close();
    });

    it('refuses every hostile document with the same code on both doors, and shows no internals', async () => {
      const failures: string[] = [];
      for (const doc of hostileDocuments(t.app.schema)) {
        const expected = [...((mode === 'production' ? doc.productionCodes : undefined) ?? doc.codes)].sort();
        const http = await overHttp(t, cookie, doc.query, doc.variables, doc.operationName, doc.extensions);
        const ws = await socket.execute(doc.query, doc.variables, doc.operationName, 15_000, doc.extensions);
        expect(ws.closed, `${doc.name}: the socket must answer, not close`).toBeUndefined();
        expectNoInternals(http, `${doc.name} (HTTP)`);
        expectNoInternals(ws, `${doc.name} (WebSocket)`);
        const got = { http: codesOf(http), ws: codesOf(ws) };
        if (JSON.stringify(got.http) !== JSON.stringify(expected) || JSON.stringify(got.ws) !== JSON.stringify(expected)) {
          failures.push(
            `${doc.name}: expected ${JSON.stringify(expected)}, HTTP ${JSON.stringify(got.http)} (${http.status}), WS ${JSON.stringify(got.ws)} — ${JSON.stringify(ws.errors?.map((e) => e.message))}`,
          );
        }
        // A refused document is refused before it runs: no data at all (GraphQL over HTTP: no "data" entry).
        if (expected.length && !doc.runs) {
          expect(http, doc.name).not.toHaveProperty('data');
          expect(http.status, doc.name).toBe(400);
        }
      }
      expect(failures).toEqual([]);
    });

    it(`${mode === 'production' ? 'leaks no field or value suggestions ("Did you mean")' : 'keeps suggestions for developers'} on either door`, async () => {
      const probes = [
        { query: '{ incidnts { id } }' },
        { query: '{ incidents { tittle } }' },
        {
          query: 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
          variables: { input: { title: 'x', incidentClass: 'AA' } },
        },
        {
          query: 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
          variables: { input: { title: 'x', incidentClass: 'A', tittle: 'x' } },
        },
        { query: '{ incidents(limt: 5) { id } }' },
      ];
      let suggestions = 0;
      for (const probe of probes) {
        const http = await overHttp(t, cookie, probe.query, probe.variables);
        const ws = await socket.execute(probe.query, probe.variables);
        expect(codesOf(ws), probe.query).toEqual(codesOf(http));
        const messages = [...(http.errors ?? []), ...(ws.errors ?? [])].map((e) => e.message);
        suggestions += messages.filter((m) => /did you mean/i.test(m)).length;
        if (mode === 'production')
          expect(
            messages.filter((m) => /did you mean/i.test(m)),
            probe.query,
          ).toEqual([]);
      }
      if (mode !== 'production') expect(suggestions).toBeGreaterThan(0);
    });

    it('answers ids of the wrong shape without internals, the same on both doors', async () => {
      // Coercion accepts any string as an ID; what the database makes of it must still come back
      // typed. (Masking of truly unexpected failures: server/src/core/graphql/format-error.test.ts.)
      const query = 'query($id: ID!) { incident(id: $id) { id } }';
      for (const id of ['not-a-uuid', "'; select pg_sleep(1); --", '\u0000']) {
        const http = await overHttp(t, cookie, query, { id });
        const ws = await socket.execute(query, { id });
        expectNoInternals(http, id);
        expectNoInternals(ws, id);
        expect(codesOf(ws), id).toEqual(codesOf(http));
        expect(codesOf(http), id).not.toContain('INTERNAL_SERVER_ERROR');
      }
    });
  });
}

describe('every door, anonymous and with the wrong role, on both transports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers UNAUTHENTICATED over HTTP to every non-public root query and mutation, and closes an anonymous socket with 4401', async () => {
    const wrong: string[] = [];
    for (const op of rootOperations(t.app.schema).filter((o) => o.kind !== 'subscription')) {
      const access = OPERATION_POLICY[op.name as keyof typeof OPERATION_POLICY];
      if (access === 'PUBLIC' || access === undefined) continue;
      const answer = await overHttp(t, '', fullDocument(op.kind, op.field), minimalVariables(op.field));
      expectNoInternals(answer, op.name);
      if (JSON.stringify(codesOf(answer)) !== '["UNAUTHENTICATED"]') wrong.push(`${op.name}: ${JSON.stringify(answer.errors)}`);
    }
    expect(wrong).toEqual([]);

    // The WebSocket has no anonymous operations at all (shared/src/policy.ts): refused at connection_init.
    const anonymous = await RawSocket.open(t.wsUrl);
    anonymous.send({ type: 'connection_init' });
    expect(await anonymous.closed).toMatchObject({ code: 4401 });
  });

  it('answers FORBIDDEN to every root operation sent by a role the policy leaves out, on both doors', async () => {
    const sockets = new Map<Role, RawSocket>();
    const cookies = new Map<Role, string>();
    const wrong: string[] = [];
    let checked = 0;
    try {
      for (const op of rootOperations(t.app.schema)) {
        const access = OPERATION_POLICY[op.name as keyof typeof OPERATION_POLICY];
        if (typeof access === 'string' || access === undefined) continue;
        const role = rolesOutside(access);
        if (!role) continue;
        if (!cookies.has(role)) {
          cookies.set(role, await t.login(DEMO_BY_ROLE[role]));
          sockets.set(role, await RawSocket.connect(t.wsUrl, cookies.get(role)!));
        }
        const document = fullDocument(op.kind, op.field);
        const variables = minimalVariables(op.field);
        const ws = await sockets.get(role)!.execute(document, variables);
        expectNoInternals(ws, op.name);
        if (JSON.stringify(codesOf(ws)) !== '["FORBIDDEN"]') wrong.push(`${op.name} as ${role} over WS: ${JSON.stringify(ws)}`);
        if (op.kind !== 'subscription') {
          const http = await overHttp(t, cookies.get(role)!, document, variables);
          expectNoInternals(http, op.name);
          if (JSON.stringify(codesOf(http)) !== '["FORBIDDEN"]')
            wrong.push(`${op.name} as ${role} over HTTP: ${JSON.stringify(http.errors)}`);
        }
        checked++;
      }
    } finally {
      for (const s of sockets.values()) s.close();
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });
});
