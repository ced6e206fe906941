import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, logContext } from '../../server/src/core/logger';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_PERMIT_SIGNING_KEY } from '../support/permit-keys';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** name{labels} → value, from Prometheus text. */
async function scrape(url: string, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`, { headers });
  expect(response.status).toBe(200);
  const values = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

describe('/metrics without METRICS_TOKEN, in development and tests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('answers this machine, and 404 to a request a proxy forwarded', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${t.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
  });

  it('reports the key figures, and they move after a mutation', async () => {
    const cookie = await t.login('leader');
    const before = await scrape(t.url);
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_used_bytes',
      'nodejs_eventloop_delay_seconds{quantile="0.99"}',
      'cc_ws_sockets_open',
      'cc_subscription_members',
      'cc_outbox_lag_events',
      'cc_outbox_committed_position',
      'cc_clock_skew_seconds',
      'cc_db_pool_connections{pool="orm",state="total"}',
      'cc_db_pool_connections{pool="event_hub",state="total"}',
    ]) {
      expect(before.has(name), name).toBe(true);
    }
    const report = await t.gql(
      'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
      { input: { title: '指标演练', incidentClass: 'A' } },
      cookie,
    );
    expect(report.errors).toBeUndefined();
    const refused = await t.gql('mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }', {
      input: { title: '未登录', incidentClass: 'A' },
    });
    const code = refused.errors![0]!.extensions!.code!;
    // The hub delivers the event shortly after the commit.
    let after = await scrape(t.url);
    for (
      let i = 0;
      i < 20 &&
      (after.get('cc_events_delivered_total{topic="incident"}') ?? 0) <= (before.get('cc_events_delivered_total{topic="incident"}') ?? 0);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
      after = await scrape(t.url);
    }
    const moved = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(moved('cc_graphql_requests_total{operation="reportIncident",type="mutation"}')).toBe(2);
    expect(moved('cc_graphql_operation_duration_seconds_count{operation="reportIncident",type="mutation"}')).toBe(2);
    expect(moved(`cc_graphql_errors_total{operation="reportIncident",code="${code}"}`)).toBe(1);
    expect(moved('cc_events_delivered_total{topic="incident"}')).toBeGreaterThanOrEqual(1);
    expect(moved('cc_outbox_committed_position')).toBeGreaterThanOrEqual(1);
    expect(after.get('cc_outbox_lag_events')).toBe(0);
    // Same machine, same clock: well within a second.
    expect(Math.abs(after.get('cc_clock_skew_seconds')!)).toBeLessThan(1);
    // A class-A incident raises the class-A alert (rule in shared ALERT_RULE_IDS), counted by rule.
    const raised = [...after.keys()].filter((k) => k.startsWith('cc_alerts_raised_total{'));
    expect(raised.length).toBeGreaterThan(0);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => t?.close());

  it('refuses a scraper without the token or with a wrong one (401), even from this machine', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${t.url}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
  });

  it('answers a scraper with the token, wherever it is (through a proxy too)', async () => {
    const values = await scrape(t.url, { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' });
    expect(values.has('cc_ws_sockets_open')).toBe(true);
  });
});

describe('/metrics without METRICS_TOKEN in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        DEMO_MODE: 'false',
        ADMIN_USERNAME: 'first-admin',
        ADMIN_PASSWORD: 'a-long-enough-password-1',
        PERMIT_SIGNING_KEY: TEST_PERMIT_SIGNING_KEY,
      },
    });
  });
  afterAll(async () => t?.close());

  it('is not there for anyone, this machine included (404)', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
  });
});

describe('request ids in log lines', () => {
  it('every line written while a request is handled carries its id, whichever logger wrote it', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', 'test', sink);
    logContext.run({ requestId: 'req-1' }, () => {
      logger.info('inside');
      logger.child({ module: 'x' }).warn('from a child');
    });
    logger.info('outside');
    const parsed = lines.map((l) => JSON.parse(l) as { msg: string; requestId?: string });
    expect(parsed.map((p) => [p.msg, p.requestId])).toEqual([
      ['inside', 'req-1'],
      ['from a child', 'req-1'],
      ['outside', undefined],
    ]);
  });

  it('the X-Request-Id answer header is the id of the request', async () => {
    const t = await startTestApp();
    try {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await t.close();
    }
  });
});

describe('the Grafana dashboard (docs/grafana/command-centre.json)', () => {
  it('charts only metrics the server reports', async () => {
    const dashboard = JSON.parse(readFileSync(new URL('../../docs/grafana/command-centre.json', import.meta.url), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    const t = await startTestApp();
    try {
      const reported = new Set([...(await scrape(t.url)).keys()].map((k) => k.replace(/\{.*$/, '').replace(/_(bucket|count|sum)$/, '')));
      // Counters a fresh server has not incremented yet have no sample; their HELP line is there.
      const text = await (await fetch(`${t.url}/metrics`)).text();
      for (const name of text.matchAll(/^# HELP (\S+)/gm)) reported.add(name[1]!);
      const used = dashboard.panels.flatMap((p) =>
        p.targets.flatMap((target) => [...target.expr.matchAll(/\b((?:cc|process|nodejs)_[a-z_]+)/g)].map((m) => m[1]!)),
      );
      expect(used.length).toBeGreaterThan(10);
      expect(used.map((n) => n.replace(/_(bucket|count|sum)$/, '')).filter((n) => !reported.has(n))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
