import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  verifyPermitToken,
  verifySignedDocument,
  type PermitRevocationList,
  type PermitVerificationKey,
  type SignedDocument,
} from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';
import { APPROVE, fileRequest, ok, REVOKE, type Permit } from './permits-helpers';

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

  describe('of issued permits', () => {
    let next = 1;
    // A fresh address per check: these tests are about the answers, the ones above about the limit.
    const verify = async (number: string) => (await verifyFrom(`192.0.2.${next++}`, number)).data?.verifyPermit;
    const HOUR = 3_600_000;

    async function issue(overrides: Record<string, unknown> = {}): Promise<Permit & { signedToken: string }> {
      const [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
      const request = await fileRequest(t, liaison, clock.now(), overrides);
      const approve = APPROVE.replace('revocationReason', 'revocationReason signedToken');
      return ok(
        await t.gql<{ approvePermitRequest: Permit & { signedToken: string } }>(approve, { input: { requestId: request.id } }, dispatcher),
      ).approvePermitRequest;
    }

    async function keys(): Promise<PermitVerificationKey[]> {
      return ((await (await fetch(`${t.url}/permits/verification-keys`)).json()) as { keys: PermitVerificationKey[] }).keys;
    }

    async function revocations(since?: Date): Promise<PermitRevocationList | null> {
      const query = since ? `?since=${encodeURIComponent(since.toISOString())}` : '';
      const response = await fetch(`${t.url}/permits/revocations${query}`, { headers: { 'x-forwarded-for': `192.0.2.${next++}` } });
      return verifySignedDocument<PermitRevocationList>((await response.json()) as SignedDocument, await keys());
    }

    it('tells not yet valid, valid and expired by the clock, with the effective end, and nothing else', async () => {
      const permit = await issue();
      expect(await verify(permit.number)).toEqual({ result: 'NOT_YET_VALID', validUntil: permit.effectiveUntil });
      clock.advance(2 * HOUR);
      expect(await verify(permit.number)).toEqual({ result: 'VALID', validUntil: permit.effectiveUntil });
      // As typed on a phone: lower case, spaces for dashes.
      expect(await verify(permit.number.toLowerCase().replace(/-/g, ' '))).toEqual({ result: 'VALID', validUntil: permit.effectiveUntil });
      clock.advance(48 * HOUR);
      expect(await verify(permit.number)).toEqual({ result: 'EXPIRED', validUntil: permit.effectiveUntil });
    });

    it('gives the same answer over the WebSocket as over HTTP', async () => {
      const permit = await issue();
      clock.advance(2 * HOUR);
      const ws = wsFrom(t.wsUrl, await t.login('dispatcher'), '192.0.2.250');
      try {
        const overWs = await wsQuery<Verify>(ws, VERIFY, { n: permit.number });
        expect(overWs.data?.verifyPermit).toEqual(await verify(permit.number));
        expect(overWs.data?.verifyPermit.result).toBe('VALID');
      } finally {
        await ws.dispose();
      }
    });

    it('signs the permit’s QR token so that it verifies offline with the published keys; the same token on every read', async () => {
      const permit = await issue({ cargoKind: 'EPIDEMIC_SUPPLIES' });
      clock.advance(2 * HOUR);
      const check = await verifyPermitToken(permit.signedToken, await keys(), clock.now());
      expect(check.status).toBe('VALID');
      expect(check.payload).toMatchObject({
        number: permit.number,
        plate: permit.plate,
        greenChannel: true,
        cargoKind: 'EPIDEMIC_SUPPLIES',
      });
      // The token keeps whole seconds, rounded outwards.
      expect(check.payload?.validUntil.getTime()).toBe(Math.ceil(Date.parse(permit.effectiveUntil) / 1_000) * 1_000);
      const again = ok(
        await t.gql<{ trafficPermit: { signedToken: string } }>(
          'query($n: String!) { trafficPermit(idOrNumber: $n) { signedToken } }',
          { n: permit.number },
          await t.login('dispatcher'),
        ),
      );
      expect(again.trafficPermit.signedToken).toBe(permit.signedToken);
    });

    it('puts a revocation on the public answer and on the signed revocation list at once', async () => {
      const permit = await issue();
      clock.advance(2 * HOUR);
      const before = clock.now();
      expect((await verify(permit.number))?.result).toBe('VALID');
      expect((await revocations(before))?.revocations).toEqual([]);
      const revoked = ok(
        await t.gql<{ revokeTrafficPermit: Permit }>(
          REVOKE,
          { input: { permitId: permit.id, reason: '车辆已更换' } },
          await t.login('dispatcher'),
        ),
      ).revokeTrafficPermit;
      // No waiting and no cache: the very next requests see it.
      expect(await verify(permit.number)).toEqual({ result: 'REVOKED', validUntil: permit.effectiveUntil });
      const list = await revocations(before);
      expect(list?.revocations).toEqual([{ number: permit.number, revokedAt: revoked.revokedAt }]);
      expect((await revocations())?.revocations.map((r) => r.number)).toContain(permit.number);
      // A checkpoint holding that list refuses the (genuine) printed token.
      const offline = await verifyPermitToken(
        permit.signedToken,
        await keys(),
        clock.now(),
        new Set(list!.revocations.map((r) => r.number)),
      );
      expect(offline.status).toBe('REVOKED');
    });
  });
});
