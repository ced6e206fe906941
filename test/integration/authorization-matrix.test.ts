/**
 * Every door: every root operation of the schema, tried anonymously and as each role, over HTTP
 * and over the WebSocket, must get the policy's answer (shared/src/policy.ts). Generic: the
 * operations come from the schema, the documents are built from it, the arguments come from
 * each module's test/integration/<module>/<module>.fixtures.ts (an operation without one fails here).
 */
import { ROLES, mayUse, type Role } from '@cc/shared';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureHarness } from '../support/fixture-harness';
import { documentFor, rootOperations, type RootOperation } from '../support/operation-documents';
import type { FixtureActor } from '../support/module-tests';
import { startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app';
import { wsClient } from '../support/ws-client';

type Caller = Role | 'ANONYMOUS';
type Transport = 'http' | 'ws';
type Answer =
  { kind: 'denied'; code: 'FORBIDDEN' | 'UNAUTHENTICATED' } | { kind: 'closed'; code: number } | { kind: 'answered'; detail: string };

const CALLERS: Caller[] = [...ROLES, 'ANONYMOUS'];
const DENIAL_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
/** Answers that mean the request never reached the policy: a broken fixture, not an allowed call. */
const NOT_REACHED = /GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|Variable "\$/;

function classify(response: GraphQLResponse): Answer {
  const denial = response.errors?.find((e) => DENIAL_CODES.has(e.extensions?.code ?? ''));
  if (denial) return { kind: 'denied', code: denial.extensions!.code as 'FORBIDDEN' | 'UNAUTHENTICATED' };
  const codes = (response.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`);
  return { kind: 'answered', detail: codes.length ? codes.join('; ') : 'data' };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('authorization matrix: every operation × every role × HTTP and WebSocket', () => {
  let t: TestApp;
  let harness: FixtureHarness;
  let operations: RootOperation[];
  /** One signed-in user per role; a mutation the role may use gets a fresh user each time. */
  const standing = new Map<Role, FixtureActor>();
  const sockets: Client[] = [];
  const tally = { attempts: 0, denied: 0, allowed: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    harness = await FixtureHarness.start(t);
    operations = rootOperations(t.app.schema);
    for (const role of ROLES) standing.set(role, await harness.actor([role]));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await t?.close();
  });

  /**
   * A mutation the role may use runs as a fresh user, so whatever it does to its caller (signing
   * out, a new password) harms no later attempt; a refused one never runs, so the role's standing
   * user is enough (and if the policy failed to refuse it, the attempt fails anyway).
   */
  async function callerFor(operation: RootOperation, caller: Caller): Promise<FixtureActor | null> {
    if (caller === 'ANONYMOUS') return null;
    return operation.kind === 'mutation' && mayUse(operation.name, [caller]) ? harness.actor([caller]) : standing.get(caller)!;
  }

  async function overHttp(document: string, variables: Record<string, unknown>, actor: FixtureActor | null): Promise<Answer> {
    return classify(await t.gql(document, variables, actor?.cookie));
  }

  async function overWs(
    operation: RootOperation,
    document: string,
    variables: Record<string, unknown>,
    actor: FixtureActor | null,
  ): Promise<Answer> {
    let closeCode: number | undefined;
    let acknowledged = false;
    const client = wsClient(t.wsUrl, actor?.cookie);
    sockets.push(client);
    client.on('connected', () => void (acknowledged = true));
    client.on('closed', (event) => {
      closeCode ??= (event as { code?: number }).code;
    });
    const results: GraphQLResponse[] = [];
    const failures: unknown[] = [];
    let completed = false;
    const listenersBefore = t.app.hub.listenerCount;
    const stop = client.subscribe(
      { query: document, variables },
      {
        next: (value) => void results.push(value as GraphQLResponse),
        error: (error) => void failures.push(error),
        complete: () => void (completed = true),
      },
    );
    // A subscription the policy allows stays open without a message: it is allowed once its
    // event stream is listening on the hub. Anything else answers (or the socket closes).
    const listening = () => operation.kind === 'subscription' && t.app.hub.listenerCount > listenersBefore;
    await waitFor(
      () => results.length > 0 || failures.length > 0 || completed || closeCode !== undefined || listening(),
      `an answer to ${operation.name}`,
    );
    const answer = ((): Answer => {
      if (results[0]) return classify(results[0]);
      // Signing out (or changing the password) over the socket ends its session, and the server
      // may close the socket (4401) before the result is written: the call was accepted.
      if (closeCode === 4401 && acknowledged) return { kind: 'answered', detail: 'session ended by the call (4401)' };
      if (closeCode !== undefined) return { kind: 'closed', code: closeCode };
      const failure = failures[0];
      if (Array.isArray(failure)) return classify({ errors: failure as GraphQLResponse['errors'] });
      if (failure) return { kind: 'answered', detail: String(failure) };
      return { kind: 'answered', detail: listening() ? 'subscribed' : 'completed without a result' };
    })();
    stop();
    await client.dispose();
    // The next attempt compares listener counts: wait until this socket's stream is gone.
    await waitFor(() => t.app.hub.listenerCount <= listenersBefore, `${operation.name}'s stream to close`);
    return answer;
  }

  function check(operation: RootOperation, caller: Caller, transport: Transport, answer: Answer): void {
    const roles = caller === 'ANONYMOUS' ? null : [caller];
    const allowed = mayUse(operation.name, roles);
    const where = `${operation.kind} ${operation.name} as ${caller} over ${transport}`;
    tally.attempts++;
    if (caller === 'ANONYMOUS' && transport === 'ws') {
      // The socket itself needs a session (issue 3): closed with graphql-ws's 4401 at connection_init.
      expect(answer, where).toEqual({ kind: 'closed', code: 4401 });
      tally.denied++;
      return;
    }
    if (allowed) {
      expect(answer.kind, `${where} should be allowed`).toBe('answered');
      if (answer.kind === 'answered') expect(answer.detail, `${where}: the request never reached the policy`).not.toMatch(NOT_REACHED);
      tally.allowed++;
    } else {
      expect(answer, `${where} should be denied`).toEqual({
        kind: 'denied',
        code: caller === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      });
      tally.denied++;
    }
  }

  it('every operation of the schema has a fixture', () => {
    const operationNames = rootOperations(t.app.schema).map((o) => o.name);
    expect(operationNames.length).toBeGreaterThan(0);
    return Promise.all(operationNames.map((name) => harness.variables(name, null).then(() => undefined)));
  });

  for (const transport of ['http', 'ws'] as const) {
    it(`answers every operation as the policy says, over ${transport}`, async () => {
      for (const operation of operations) {
        for (const caller of CALLERS) {
          const actor = await callerFor(operation, caller);
          const variables = await harness.variables(operation.name, actor);
          const document = documentFor(operation, variables);
          const answer =
            transport === 'http' ? await overHttp(document, variables, actor) : await overWs(operation, document, variables, actor);
          check(operation, caller, transport, answer);
        }
      }
    }, 600_000);
  }

  it('covered every operation for every caller on both transports', () => {
    expect(tally.attempts).toBe(operations.length * CALLERS.length * 2);
    console.info(
      `authorization matrix: ${operations.length} operations × ${CALLERS.length} callers × 2 transports = ${tally.attempts} attempts (${tally.allowed} allowed, ${tally.denied} denied)`,
    );
  });
});
