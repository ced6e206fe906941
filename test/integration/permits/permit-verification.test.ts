import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { verifySignedDocument, type PermitRevocationList, type PermitVerificationKey, type SignedDocument } from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const VERIFY = 'query Verify($n: String!) { verifyPermit(number: $n) { result validUntil } }';
type Verify = { verifyPermit: { result: string; validUntil: string | null } };

/** A graphql-ws client whose socket comes from `address` (the server believes its loopback proxy's X-Forwarded-For). */
function wsFrom(url: string, cookie: string, address: string): Client {
  class ProxiedSocket extends WebSocket {
    constructor(target: string, protocols?: string | string[]) {
      super(target, protocols, { headers: { cookie, 'x-forwarded-for': address } });
    }
  }
  return createClient({ url, webSocketImpl: ProxiedSocket, lazy: true, retryAttempts: 0 });
}

function wsQuery<T>(client: Client, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return new Promise((resolve, reject) => {
    let result: GraphQLResponse<T> | undefined;
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => void (result = value as GraphQLResponse<T>),
        error: (error) =>
          Array.isArray(error)
            ? resolve({ errors: error })
            : reject(
                error instanceof Error
                  ? error
                  : new Error(JSON.stringify({ code: (error as { code?: number }).code, reason: (error as { reason?: string }).reason })),
              ),
        complete: () => (result ? resolve(result) : reject(new Error('completed without a result'))),
      },
    );
  });
}

describe('public permit verification', () => {
  // Now: a WebSocket's session expiry is timed on the wall clock.
  const clock = new ManualClock(new Date());
  let t: TestApp;
  const verifyFrom = (address: string, number: string) => t.gql<Verify>(VERIFY, { n: number }, undefined, { 'x-forwarded-for': address });

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { PERMIT_VERIFY_BURST: '3', PERMIT_VERIFY_PER_MINUTE: '6' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers with two fields only, the standing and the validity end: no plate, no applicant, no cargo', async () => {
    const type = await t.gql<{ __type: { fields: { name: string }[] } }>('{ __type(name: "PermitVerification") { fields { name } } }');
    expect(type.data?.__type.fields.map((f) => f.name).sort()).toEqual(['result', 'validUntil']);
    const result = await t.gql<{ __type: { enumValues: { name: string }[] } }>(
      '{ __type(name: "PermitVerificationResult") { enumValues { name } } }',
    );
    expect(result.data?.__type.enumValues.map((v) => v.name).sort()).toEqual(['EXPIRED', 'NOT_YET_VALID', 'REVOKED', 'UNKNOWN', 'VALID']);
  });

  it('answers an unknown number and a malformed one identically, signed out', async () => {
    const answers = [];
    for (const [i, number] of ['TXZ-0000-0000-0000', 'not a permit', "'; drop table traffic_permit; --", 'x'.repeat(5_000)].entries()) {
      answers.push(await verifyFrom(`198.51.100.${i + 1}`, number));
    }
    for (const answer of answers) expect(answer).toEqual({ data: { verifyPermit: { result: 'UNKNOWN', validUntil: null } } });
  });

  it('limits each address over HTTP: a burst, then RATE_LIMITED saying when to retry; other addresses unaffected', async () => {
    for (let i = 0; i < 3; i++) expect((await verifyFrom('203.0.113.10', 'TXZ-0000-0000-0000')).data?.verifyPermit.result).toBe('UNKNOWN');
    const refused = await verifyFrom('203.0.113.10', 'TXZ-0000-0000-0000');
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 10 });
    expect((await verifyFrom('203.0.113.11', 'TXZ-0000-0000-0000')).data?.verifyPermit.result).toBe('UNKNOWN');
    clock.advance(10_000);
    expect((await verifyFrom('203.0.113.10', 'TXZ-0000-0000-0000')).data?.verifyPermit.result).toBe('UNKNOWN');
    expect((await verifyFrom('203.0.113.10', 'TXZ-0000-0000-0000')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('limits the WebSocket alike, counting the same address across both doors', async () => {
    const cookie = await t.login('dispatcher');
    const ws = wsFrom(t.wsUrl, cookie, '203.0.113.20');
    try {
      expect((await verifyFrom('203.0.113.20', 'TXZ-0000-0000-0000')).data?.verifyPermit.result).toBe('UNKNOWN');
      expect((await wsQuery<Verify>(ws, VERIFY, { n: 'TXZ-0000-0000-0000' })).data?.verifyPermit.result).toBe('UNKNOWN');
      expect((await wsQuery<Verify>(ws, VERIFY, { n: 'not a permit' })).data?.verifyPermit).toEqual({
        result: 'UNKNOWN',
        validUntil: null,
      });
      const refused = await wsQuery<Verify>(ws, VERIFY, { n: 'TXZ-0000-0000-0000' });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 10 });
      // And the HTTP door is now closed to that address too.
      expect((await verifyFrom('203.0.113.20', 'TXZ-0000-0000-0000')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await ws.dispose();
    }
  });

  it('publishes the verification keys and a revocation list signed with the current one', async () => {
    const keys = (await (await fetch(`${t.url}/permits/verification-keys`)).json()) as {
      currentKeyId: string;
      keys: PermitVerificationKey[];
    };
    expect(keys.keys.map((k) => k.keyId)).toContain(keys.currentKeyId);
    const response = await fetch(`${t.url}/permits/revocations`, { headers: { 'x-forwarded-for': '203.0.113.30' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const signed = (await response.json()) as SignedDocument;
    expect(signed.keyId).toBe(keys.currentKeyId);
    expect(await verifySignedDocument<PermitRevocationList>(signed, keys.keys)).toEqual({
      kind: 'permit-revocations',
      issuedAt: clock.now().toISOString(),
      since: null,
      revocations: [],
    });
  });

  it('refuses a revocation list request with a bad time, and throttles it per address with Retry-After', async () => {
    const bad = await fetch(`${t.url}/permits/revocations?since=yesterday`, { headers: { 'x-forwarded-for': '203.0.113.40' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/since=yesterday is not a time/);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await fetch(`${t.url}/permits/revocations`, { headers: { 'x-forwarded-for': '203.0.113.40' } })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await fetch(`${t.url}/permits/revocations`, { headers: { 'x-forwarded-for': '203.0.113.40' } });
    expect(refused.headers.get('retry-after')).toBe('10');
  });
});
