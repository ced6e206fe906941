import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id title } }';

describe('a mutation retried with the same idempotency key', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    cookie = await t.login('duty');
  });
  afterAll(() => t?.close());

  const count = async (title: string) => {
    const [row] = await t.app.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from incident where title = ?', [title]);
    return Number(row!.n);
  };

  it('acts once and answers the same, sent twice in a row (Idempotency-Key header)', async () => {
    const key = randomUUID();
    const input = { title: `重试 ${key}`, incidentClass: 'C' };
    const first = await t.gql<{ reportIncident: { id: string } }>(REPORT, { input }, cookie, { 'idempotency-key': key });
    const second = await t.gql<{ reportIncident: { id: string } }>(REPORT, { input }, cookie, { 'idempotency-key': key });
    expect(first.errors).toBeUndefined();
    expect(second).toEqual(first);
    expect(await count(input.title)).toBe(1);
  });

  it('acts once when the retries race each other (request extensions)', async () => {
    const key = randomUUID();
    const input = { title: `并发重试 ${key}`, incidentClass: 'A' };
    const send = () =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: REPORT, variables: { input }, extensions: { idempotencyKey: key } }),
      }).then((r) => r.json() as Promise<{ data?: { reportIncident: { id: string } }; errors?: unknown }>);
    const answers = await Promise.all(Array.from({ length: 10 }, send));
    const ids = new Set(answers.map((a) => a.data?.reportIncident.id));
    expect(answers.every((a) => !a.errors)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await count(input.title)).toBe(1);
  });

  it('refuses the same key for a different request with IDEMPOTENCY_KEY_REUSED', async () => {
    const key = randomUUID();
    await t.gql(REPORT, { input: { title: `first ${key}`, incidentClass: 'C' } }, cookie, { 'idempotency-key': key });
    const reused = await t.gql(REPORT, { input: { title: `other ${key}`, incidentClass: 'C' } }, cookie, { 'idempotency-key': key });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count(`other ${key}`)).toBe(0);
  });
});
