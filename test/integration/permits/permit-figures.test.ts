import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { APPROVE, failure, fileRequest, ok, REJECT } from './permits-helpers';

const MINUTE = 60_000;
const FIGURES = `query($day: String) { permitFigures(day: $day) { day requested approved rejected medianReviewMinutes
  byCargo { cargoKind requested approved rejected medianReviewMinutes } } }`;
const LEADER = `{ leaderDashboard { permitsWaiting permitsOldestWaitingSince } }`;

interface Leader {
  leaderDashboard: { permitsWaiting: number | null; permitsOldestWaitingSince: string | null };
}

describe('the day’s permit figures by cargo kind, and the leader’s waiting requests', () => {
  let t: TestApp;
  let clock: ManualClock;
  let liaison: string;
  let dispatcher: string;
  let leader: string;

  beforeAll(async () => {
    // 10:00 at HQ: the whole test stays within HQ day 2026-12-07.
    clock = new ManualClock(new Date('2026-12-07T02:00:00Z'));
    t = await startTestApp({ clock });
    [liaison, dispatcher, leader] = await Promise.all([t.login('liaison'), t.login('dispatcher'), t.login('leader')]);
  });
  afterAll(() => t?.close());

  it('counts what was filed and decided, with the median minutes from the queue to the decision', async () => {
    const none = ok(await t.gql<Leader>(LEADER, {}, leader)).leaderDashboard;
    expect(none).toEqual({ permitsWaiting: 0, permitsOldestWaitingSince: null });

    const masks = await fileRequest(t, liaison, clock.now(), { cargoKind: 'EPIDEMIC_SUPPLIES' });
    clock.advance(MINUTE);
    const vegetables = await fileRequest(t, liaison, clock.now(), { cargoKind: 'DAILY_NECESSITIES' });
    clock.advance(MINUTE);
    const coal = await fileRequest(t, liaison, clock.now(), { cargoKind: 'COAL' });
    const waiting = ok(await t.gql<Leader>(LEADER, {}, leader)).leaderDashboard;
    expect(waiting).toEqual({ permitsWaiting: 3, permitsOldestWaitingSince: masks.submittedAt });

    clock.advance(10 * MINUTE); // masks waited 12 minutes
    ok(await t.gql(APPROVE, { input: { requestId: masks.id } }, dispatcher));
    clock.advance(20 * MINUTE); // vegetables waited 31 minutes
    ok(await t.gql(REJECT, { input: { requestId: vegetables.id, reason: '货物清单不全' } }, dispatcher));

    const figures = ok(await t.gql<{ permitFigures: unknown }>(FIGURES, { day: '2026-12-07' }, leader)).permitFigures;
    expect(figures).toEqual({
      day: '2026-12-07',
      requested: 3,
      approved: 1,
      rejected: 1,
      medianReviewMinutes: 21.5,
      byCargo: [
        { cargoKind: 'EPIDEMIC_SUPPLIES', requested: 1, approved: 1, rejected: 0, medianReviewMinutes: 12 },
        { cargoKind: 'DAILY_NECESSITIES', requested: 1, approved: 0, rejected: 1, medianReviewMinutes: 31 },
        { cargoKind: 'COAL', requested: 1, approved: 0, rejected: 0, medianReviewMinutes: null },
      ],
    });
    // Today is the default day.
    expect(ok(await t.gql<{ permitFigures: unknown }>(FIGURES, {}, dispatcher)).permitFigures).toEqual(figures);

    const left = ok(await t.gql<Leader>(LEADER, {}, leader)).leaderDashboard;
    expect(left).toEqual({ permitsWaiting: 1, permitsOldestWaitingSince: coal.submittedAt });
  });

  it('is empty for a quiet day and refuses a day that is not a date', async () => {
    const quiet = ok(await t.gql<{ permitFigures: unknown }>(FIGURES, { day: '2026-12-06' }, leader)).permitFigures;
    expect(quiet).toEqual({ day: '2026-12-06', requested: 0, approved: 0, rejected: 0, medianReviewMinutes: null, byCargo: [] });
    expect(failure(await t.gql(FIGURES, { day: '2026-02-30' }, leader))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
  });
});
