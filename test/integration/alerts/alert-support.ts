import type { TestApp } from '../../support/test-app';

/** Helpers shared by the alert-*.test.ts files (not a test file itself). */

export const ALERT_FIELDS = `id ruleId level status workingGroup count messageKey summary params { name value }
  source { entityType entityId } raisedAt lastSeenAt acknowledgedAt acknowledgedBy { id displayName }
  resolvedAt resolvedBy { id displayName } resolution resolutionNote escalationLevel escalatedAt assignedLeader { id displayName } version`;

export interface AlertView {
  id: string;
  ruleId: string;
  level: string;
  status: string;
  workingGroup: string | null;
  count: number;
  messageKey: string;
  summary: string;
  params: { name: string; value: string }[];
  source: { entityType: string; entityId: string };
  raisedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; displayName: string } | null;
  resolvedAt: string | null;
  resolvedBy: { id: string; displayName: string } | null;
  resolution: string | null;
  resolutionNote: string;
  escalationLevel: number;
  escalatedAt: string | null;
  assignedLeader: { id: string; displayName: string } | null;
  version: number;
}

const ALL_ALERTS = `query($status: [AlertStatus!]) { alerts(status: $status, limit: 200) { ${ALERT_FIELDS} } }`;

/** Every alert (any status) the signed-in user may see, optionally about one source record and rule. */
export async function alertsAbout(t: TestApp, cookie: string, filter: { sourceId?: string; ruleId?: string } = {}): Promise<AlertView[]> {
  const response = await t.gql<{ alerts: AlertView[] }>(ALL_ALERTS, { status: ['RAISED', 'ACKNOWLEDGED', 'RESOLVED'] }, cookie);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.alerts.filter(
    (a) => (!filter.sourceId || a.source.entityId === filter.sourceId) && (!filter.ruleId || a.ruleId === filter.ruleId),
  );
}

/** Polls until `check` returns a value that is not undefined/false (real waits, generous timeout). */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id version status reportedAt reportingDeadline } }`;

export async function reportIncident(
  t: TestApp,
  cookie: string,
  input: { title: string; incidentClass: 'A' | 'B' | 'C'; reportedAt?: Date; assignedGroup?: string },
): Promise<{ id: string; version: number }> {
  const response = await t.gql<{ reportIncident: { id: string; version: number } }>(
    REPORT,
    { input: { ...input, reportedAt: input.reportedAt?.toISOString() } },
    cookie,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.reportIncident;
}

export async function incidentStep(
  t: TestApp,
  cookie: string,
  step: 'acknowledge' | 'start' | 'resolve' | 'close' | 'reopen',
  id: string,
  note?: string,
) {
  const name = `${step}Incident`;
  const response = await t.gql<Record<string, { id: string; status: string; version: number }>>(
    `mutation($input: IncidentActionInput!) { ${name}(input: $input) { id status version acknowledgedAt resolvedAt closedAt } }`,
    { input: { id, note } },
    cookie,
  );
  return response;
}

/** Rows of the outbox about one entity: what every subscriber on every replica receives. */
export async function eventsAbout(
  t: TestApp,
  entityId: string,
): Promise<{ kind: string; payload: { changed: string[]; count: number } }[]> {
  return t.app.orm.em
    .fork()
    .execute(`select kind, payload from event where topic = 'alert' and entity_id = ? order by position`, [entityId]);
}

export const param = (alert: AlertView, name: string) => alert.params.find((p) => p.name === name)?.value;

/** Waits until a collected subscription has delivered a result matching `match` (others may come first). */
export async function untilSome<T, R>(
  live: { results: { data?: T | null }[]; until(count: number, timeoutMs?: number): Promise<unknown> },
  match: (data: T) => R | undefined | false,
  // Generous: on a loaded 2-core CI machine the event → evaluation → commit → delivery chain can take seconds.
  timeoutMs = 30_000,
): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const result of live.results) {
      const found = result.data ? match(result.data) : undefined;
      if (found) return found;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('the expected subscription result did not arrive');
    await live.until(live.results.length + 1, left);
  }
}
