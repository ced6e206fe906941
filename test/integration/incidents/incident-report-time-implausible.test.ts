import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id reportedAt pastDeadline } }`;
const COUNT = '{ incidents(limit: 1000) { id } }';
const MINUTE = 60_000;

/** Issue 27: a report time of 2020-01-01 was taken, showed "overdue 60765:13:43" and alerted every leader. */
describe('an implausible report time', () => {
  let t: TestApp;
  // The server's clock, not the machine's, decides what "now" is.
  const clock = new ManualClock(new Date('2026-12-07T02:00:00Z'));
  let duty: string;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    duty = await t.login('duty');
  });
  afterAll(() => t?.close());

  async function incidentCount(): Promise<number> {
    return (await t.gql<{ incidents: unknown[] }>(COUNT, {}, duty)).data!.incidents.length;
  }

  it('years in the past is refused with BAD_USER_INPUT on reportedAt, and nothing is saved', async () => {
    const before = await incidentCount();
    const response = await t.gql(REPORT, { input: { title: '年份写错', incidentClass: 'A', reportedAt: '2020-01-01T00:00:00Z' } }, duty);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reportedAt' });
    expect(response.errors?.[0]?.message).toMatch(/more than 7 days ago/);
    expect(await incidentCount()).toBe(before);
  });

  it('more than 5 minutes ahead of the server clock is refused; a few minutes of skew is taken', async () => {
    const ahead = (minutes: number) => new Date(clock.now().getTime() + minutes * MINUTE).toISOString();
    const future = await t.gql(REPORT, { input: { title: '时间超前', incidentClass: 'B', reportedAt: ahead(10) } }, duty);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reportedAt' });
    const skewed = await t.gql(REPORT, { input: { title: '手机时钟略快', incidentClass: 'B', reportedAt: ahead(3) } }, duty);
    expect(skewed.errors).toBeUndefined();
  });

  it('a report logged six days late is still taken, and shows overdue at once', async () => {
    const late = new Date(clock.now().getTime() - 6 * 24 * 60 * MINUTE).toISOString();
    const response = await t.gql<{ reportIncident: { reportedAt: string; pastDeadline: boolean } }>(
      REPORT,
      { input: { title: '补录：六天前的来电', incidentClass: 'C', reportedAt: late } },
      duty,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.reportIncident).toMatchObject({ reportedAt: late, pastDeadline: true });
  });
});
