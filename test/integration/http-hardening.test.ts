import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/src/core/config';
import { RawSocket } from '../support/raw-ws';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_PERMIT_SIGNING_KEY } from '../support/permit-keys';

/**
 * The HTTP door's own limits (issue 14): one operation per request, a bounded body, no form or
 * plain-text posts (CSRF), GET for queries only, bounded time to send a request, security
 * headers on every answer, and a Secure session cookie in production. Status codes follow
 * GraphQL over HTTP: a malformed request gets a 4xx and a JSON body with an error code.
 */

interface Errors {
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
  data?: unknown;
}

async function post(t: TestApp, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: Errors | undefined;
  try {
    json = JSON.parse(text) as Errors;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

describe('the HTTP door', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { HTTP_REQUEST_TIMEOUT_SECONDS: '2' } });
  });
  afterAll(() => t?.close());

  it('refuses a batched (array) body with 400 and says why', async () => {
    const batch = await post(t, JSON.stringify([{ query: '{ me { userId } }' }, { query: '{ me { username } }' }]));
    expect(batch.status).toBe(400);
    expect(batch.json?.errors?.[0]?.message).toMatch(/batch/i);
    expect(batch.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it(`refuses a body over ${MAX_BODY_BYTES / 1024} KiB with 413 and a GraphQL-shaped JSON error, and accepts one just under`, async () => {
    const over = await post(t, JSON.stringify({ query: '{ me { userId } }', variables: { padding: 'x'.repeat(MAX_BODY_BYTES) } }));
    expect(over.status).toBe(413);
    expect(over.headers.get('content-type')).toMatch(/application\/json/);
    expect(over.json?.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST', reason: 'request/too_large' } });
    expect(over.json?.errors?.[0]?.message).toMatch(/too large/i);
    expect(over.text).not.toMatch(/<html|at .*\.js/i);

    const under = await post(t, JSON.stringify({ query: `{ me { userId } }\n# ${'x'.repeat(MAX_BODY_BYTES - 1_024)}` }));
    expect(under.status).toBe(200);
  });

  it('refuses text/plain, form-encoded and multipart posts (CSRF) before anything runs', async () => {
    const cookie = await t.login('duty');
    const before = await t.gql<{ incidents: unknown[] }>('{ incidents(limit: 1000) { id } }', {}, cookie);
    const mutation = JSON.stringify({ query: 'mutation { reportIncident(input: { title: "跨站伪造", incidentClass: A }) { id } }' });
    const attempts: [string, string][] = [
      ['text/plain', mutation],
      ['text/plain;charset=UTF-8', mutation],
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent('mutation { logout }')}`],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\nmutation { logout }\r\n--x--\r\n`],
    ];
    for (const [type, body] of attempts) {
      const answer = await post(t, body, { 'content-type': type, cookie });
      expect(answer.status, type).toBe(400);
      expect(answer.json?.errors?.[0]?.extensions, type).toMatchObject({ code: 'BAD_REQUEST', reason: 'request/csrf' });
    }
    // No content type at all is refused too (GraphQL over HTTP: 4xx).
    const bare = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { cookie }, body: mutation });
    expect(bare.status).toBe(400);
    // A browser telling us the request comes from another site is refused whatever it sends.
    const crossSite = await post(t, mutation, { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', cookie });
    expect(crossSite.status).toBe(403);
    // Nothing was created, and the session still works.
    const after = await t.gql<{ incidents: unknown[] }>('{ incidents(limit: 1000) { id } }', {}, cookie);
    expect(after.data!.incidents).toHaveLength(before.data!.incidents.length);
  });

  it('runs a query over GET, refuses a mutation over GET with 405, and other methods too', async () => {
    const cookie = await t.login('duty');
    const query = new URL(`${t.url}/graphql`);
    query.searchParams.set('query', '{ me { username } }');
    const get = await fetch(query, { headers: { cookie } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { me: { username: 'duty' } } });

    const mutation = new URL(`${t.url}/graphql`);
    mutation.searchParams.set('query', 'mutation { logout }');
    const refused = await fetch(mutation, { headers: { cookie, accept: 'application/graphql-response+json' } });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toMatch(/POST/);
    expect(((await refused.json()) as Errors).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    // The session survived: the GET did not sign anyone out.
    expect((await t.gql<{ me: { username: string } }>('{ me { username } }', {}, cookie)).data?.me.username).toBe('duty');

    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const other = await fetch(`${t.url}/graphql`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { userId } }' }),
      });
      expect(other.status, method).toBeGreaterThanOrEqual(400);
      expect(other.status, method).toBeLessThan(500);
    }
  });

  it('negotiates application/graphql-response+json, with 400 and no data for a request that cannot run', async () => {
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
    const ok = await post(t, JSON.stringify({ query: '{ __typename }' }), headers);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
    for (const body of [
      '{ "not json',
      JSON.stringify({ qeury: '{ __typename }' }),
      JSON.stringify({ query: '{' }),
      JSON.stringify({ query: '{ nope }' }),
      JSON.stringify({ query: { not: 'a string' } }),
    ]) {
      const bad = await post(t, body, headers);
      expect(bad.status, body).toBe(400);
      expect(bad.json, body).not.toHaveProperty('data');
      expect(bad.json?.errors?.length, body).toBeGreaterThan(0);
    }
    // Variable coercion failures are the client's too.
    const coercion = await post(
      t,
      JSON.stringify({ query: 'query($n: Int!) { incidents(limit: $n) { id } }', variables: { n: 'many' } }),
      headers,
    );
    expect(coercion.status).toBe(400);
    expect(coercion.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sets security headers on the console, /graphql, health checks and unknown paths', async () => {
    for (const path of ['/', '/graphql?query=%7B__typename%7D', '/healthz', '/no-such-page']) {
      const response = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      const csp = response.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc, path).toMatch(/'self'/);
      expect(scriptSrc, path).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/object-src 'none'/);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-powered-by'), path).toBeNull();
      // Outside production there is no TLS to insist on.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('sets a session cookie that scripts cannot read and other sites cannot send, not Secure outside production', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "duty", password: "demo-password") { userId } }' }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('gives the server request and header timeouts from its configuration, and cuts off a client that sends its headers too slowly', async () => {
    expect(t.app.httpServer.requestTimeout).toBe(2_000);
    expect(t.app.httpServer.headersTimeout).toBe(2_000);
    const port = new URL(t.url).port;
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n');
    // ...and never finishes the headers. The server must give up on its own.
    const started = Date.now();
    await Promise.race([ended, new Promise((r) => setTimeout(r, 20_000))]);
    expect(socket.destroyed || received.length > 0).toBe(true);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(20_000);
    socket.destroy();
  });

  it('does not apply the request timeout to a WebSocket once it is upgraded', async () => {
    const socket = await RawSocket.connect(t.wsUrl, await t.login('duty'));
    await new Promise((r) => setTimeout(r, 3 * t.app.httpServer.requestTimeout));
    expect(await socket.execute('{ me { username } }')).toEqual({ data: { me: { username: 'duty' } } });
    socket.close();
  });
});

describe('the HTTP door in production', () => {
  let t: TestApp;
  const admin = { username: 'chief', password: 'a-production-password-1' };
  beforeAll(async () => {
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
  });
  afterAll(() => t?.close());

  it('marks the session cookie Secure (and clears it Secure on sign-out), and sends Strict-Transport-Security', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { userId } }',
        variables: { u: admin.username, p: admin.password },
      }),
    });
    const set = response.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/;\s*Secure/i);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);

    const out = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: set.split(';')[0]! },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(out.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('refuses introspection over HTTP, GET included', async () => {
    const url = new URL(`${t.url}/graphql`);
    url.searchParams.set('query', '{ __schema { types { name } } }');
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Errors).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
