import urql, { Client, fetchExchange } from '@urql/vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, effectScope } from 'vue';
import { LogoutDocument, ReportIncidentDocument } from '@cc/shared/operations';
import { idempotencyExchange } from './idempotency';
import { discardPendingSend, flushPendingSends, pendingSends } from './pending-sends';
import { useFormMutation } from './use-form-mutation';

/**
 * The real urql client with the console's idempotency exchange and urql's own fetch exchange;
 * only `fetch` is replaced, to see the requests that leave and to lose an answer on purpose.
 */
function harness() {
  const sent: { key: string | null; credentials: RequestCredentials | undefined; body: { variables: unknown } }[] = [];
  const answers: (() => Response)[] = [];
  let release: (() => void) | undefined;
  let holding = false;
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    sent.push({
      key: new Headers(init?.headers).get('idempotency-key'),
      credentials: init?.credentials,
      body: JSON.parse(String(init?.body)) as { variables: unknown },
    });
    if (holding) await new Promise<void>((resolve) => (release = resolve));
    const answer = answers.shift();
    if (!answer) throw new TypeError('Failed to fetch'); // the answer is lost: the server may have acted
    return answer();
  };
  const client = new Client({
    url: 'http://console.test/graphql',
    fetch,
    fetchOptions: { credentials: 'include' },
    exchanges: [idempotencyExchange, fetchExchange],
  });
  const app = createApp({});
  app.use(urql, client);
  const scope = effectScope();
  const form = app.runWithContext(() => scope.run(() => useFormMutation(ReportIncidentDocument, (data) => data.reportIncident)))!;
  const reported = (title: string) => () =>
    Response.json({ data: { reportIncident: { __typename: 'Incident', id: `id-${title}`, title } } });
  return {
    client,
    form,
    sent,
    answer: (title: string) => void answers.push(reported(title)),
    refuse: () => void answers.push(() => Response.json({ errors: [{ message: 'Stale', extensions: { code: 'CONFLICT' } }] })),
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      release?.();
    },
  };
}

const input = (title: string) => ({
  input: { title, incidentClass: 'B' as const, location: '检疫点', description: '', reportedAt: null },
});

describe('a form mutation and its idempotency key', () => {
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => {
    for (const waiting of pendingSends.value) discardPendingSend(waiting.id);
    vi.restoreAllMocks();
  });

  it('keeps a submission that got no answer waiting, visibly, and sends it again with the same key once', async () => {
    const h = harness();
    const submitted = h.form.submit(input('发热')); // no answer: the server may or may not have acted
    await vi.waitFor(() => expect(pendingSends.value).toHaveLength(1));
    expect(pendingSends.value[0]).toMatchObject({ operation: 'reportIncident', attempts: 1 });
    expect(h.form.busy.value).toBe(true); // the form waits for the answer rather than pretending

    flushPendingSends(); // still no connection: it stays
    await vi.waitFor(() => expect(h.sent).toHaveLength(2));
    await vi.waitFor(() => expect(pendingSends.value[0]?.sending).toBe(false));
    expect(pendingSends.value).toHaveLength(1);

    h.answer('发热');
    flushPendingSends(); // the connection is back
    expect(await submitted).toMatchObject({ title: '发热' });
    expect(pendingSends.value).toEqual([]);
    expect(h.form.busy.value).toBe(false);

    h.answer('发热');
    await h.form.submit(input('发热')); // answered before: a new report of the same words
    h.answer('积水');
    await h.form.submit(input('积水'));

    const [first, retry, answered, again, other] = h.sent.map((s) => s.key);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
    expect(answered).toBe(first);
    expect(again).not.toBe(first);
    expect(other).not.toBe(again);
    expect(new Set([first, again, other]).size).toBe(3);
    // The key rides with the session cookie, not instead of it.
    expect(h.sent.every((s) => s.credentials === 'include')).toBe(true);
  });

  it('gives the form its failure back when the person gives a waiting submission up, and sends it no more', async () => {
    const h = harness();
    const submitted = h.form.submit(input('发热'));
    await vi.waitFor(() => expect(pendingSends.value).toHaveLength(1));
    discardPendingSend(pendingSends.value[0]!.id);
    expect(await submitted).toBeNull();
    expect(console.error).toHaveBeenCalledTimes(1); // the network failure went through the one error helper
    flushPendingSends();
    expect(h.sent).toHaveLength(1);
  });

  it('takes a new key after the server refused (it acted on nothing)', async () => {
    const h = harness();
    h.refuse();
    expect(await h.form.submit(input('发热'))).toBeNull();
    h.answer('发热');
    await h.form.submit(input('发热'));
    expect(h.sent[1]!.key).not.toBe(h.sent[0]!.key);
  });

  it('is busy while the submission is out and not after, however it ends', async () => {
    const h = harness();
    h.hold();
    h.answer('发热');
    const pending = h.form.submit(input('发热'));
    await vi.waitFor(() => expect(h.sent).toHaveLength(1));
    expect(h.form.busy.value).toBe(true);
    h.release();
    await pending;
    expect(h.form.busy.value).toBe(false);

    const lost = h.form.submit(input('积水')); // lost answer: busy until answered or given up
    await vi.waitFor(() => expect(pendingSends.value).toHaveLength(1));
    expect(h.form.busy.value).toBe(true);
    discardPendingSend(pendingSends.value[0]!.id);
    await lost;
    expect(h.form.busy.value).toBe(false);
    h.refuse();
    await h.form.submit(input('积水'));
    expect(h.form.busy.value).toBe(false);
    expect(console.error).toHaveBeenCalledTimes(2); // both went through the one error helper
  });

  it('gives a mutation sent without a submission (sign-out) a key of its own each time', async () => {
    const h = harness();
    await h.client.mutation(LogoutDocument, {}).toPromise();
    await h.client.mutation(LogoutDocument, {}).toPromise();
    const [a, b] = h.sent.map((s) => s.key);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});
