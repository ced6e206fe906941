import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const SUBSCRIPTION = 'subscription { incidentChanged { position kind committedAt incident { id title description location status } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

type Change = { incidentChanged: { position: string; incident: { title: string; description: string } } };

// Found by the benchmark: every socket's message serialised the whole payload again.
describe('a shared subscription result', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('is serialised once per event and written to every console that shares it', async () => {
    const duty = await t.login('duty');
    const consoles = Array.from({ length: 10 }, () => collect<Change>(wsClient(t.wsUrl, duty), SUBSCRIPTION));
    await new Promise((r) => setTimeout(r, 500));
    const title = '共享序列化 ' + Date.now();
    // Count every serialisation, anywhere in the server, whose output carries this incident.
    let serialisations = 0;
    const stringify = JSON.stringify;
    const spy = vi.spyOn(JSON, 'stringify').mockImplementation(((...args: Parameters<typeof JSON.stringify>) => {
      const text = stringify(...args);
      if (typeof text === 'string' && text.includes(title) && text.includes('incidentChanged')) serialisations++;
      return text;
    }) as typeof JSON.stringify);
    let delivered: Change[];
    try {
      await t.gql(REPORT, { input: { title, incidentClass: 'C', description: 'x'.repeat(200) } }, duty);
      delivered = (await Promise.all(consoles.map((c) => c.until(1)))).map((results) => results[0]!.data!);
    } finally {
      spy.mockRestore();
    }
    expect(serialisations).toBe(1);
    // Every console got the whole change, framed as its own subscription's message.
    expect(
      delivered.every((d) => d.incidentChanged.incident.title === title && d.incidentChanged.incident.description.length === 200),
    ).toBe(true);
    consoles.forEach((c) => c.unsubscribe());
  });
});
