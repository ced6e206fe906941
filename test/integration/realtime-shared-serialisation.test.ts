import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const SUBSCRIPTION = 'subscription { incidentChanged { position kind committedAt incident { id title description location status } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

// Found by the benchmark: graphql-ws hands the replacer a copy of the result, so the shared
// JSON was never found and every socket's message serialised the whole payload again.
describe('a shared subscription result', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('is serialised once per event: each socket’s message only wraps the shared JSON', async () => {
    const duty = await t.login('duty');
    const consoles = Array.from({ length: 10 }, () => collect(wsClient(t.wsUrl, duty), SUBSCRIPTION));
    await new Promise((r) => setTimeout(r, 500));
    // Count what the per-socket stringify of "next" messages walks: with the shared JSON spliced
    // in, only the envelope (the root, id, type, payload); without it, every field of the payload.
    let visitedInNextMessages = 0;
    const stringify = JSON.stringify;
    const spy = vi.spyOn(JSON, 'stringify').mockImplementation(((
      value: unknown,
      replacer?: (key: string, v: unknown) => unknown,
      space?: string | number,
    ) => {
      const isNext = typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'next';
      if (!isNext || typeof replacer !== 'function') return stringify(value, replacer as never, space);
      return stringify(
        value,
        function (this: unknown, key: string, v: unknown) {
          visitedInNextMessages++;
          return replacer.call(this, key, v);
        },
        space,
      );
    }) as typeof JSON.stringify);
    try {
      await t.gql(REPORT, { input: { title: '共享序列化', incidentClass: 'C', description: 'x'.repeat(200) } }, duty);
      const delivered = await Promise.all(consoles.map((c) => c.until(1)));
      expect(
        delivered.every(
          (results) =>
            (results[0]!.data as { incidentChanged: { incident: { title: string } } }).incidentChanged.incident.title === '共享序列化',
        ),
      ).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(visitedInNextMessages).toBe(10 * 4);
    consoles.forEach((c) => c.unsubscribe());
  });
});
