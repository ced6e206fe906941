import { Client, makeResult, type Exchange, type Operation } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import { filter, map, pipe } from 'wonka';
import { DutyLogDocument, LogDutyCallDocument, type DutyCallFieldsFragment, type DutyLogFilter } from '@cc/shared/operations';
import { dutyCacheKeys, dutyCacheUpdates, matchesDutyLogFilter } from './cache-updates';
import { toCsv } from './composables/export-log';

const DAY = '2026-12-08';

/** A call as the server sends it in the log (DutyCallFields), logged on HQ day DAY unless told. */
function call(id: string, receivedAt: string, extra: Partial<DutyCallFieldsFragment> = {}): DutyCallFieldsFragment {
  return {
    __typename: 'DutyCall',
    id,
    number: `ZB-20261208-${id.padStart(3, '0')}`,
    receivedAt,
    loggedAt: receivedAt,
    callerName: '周建国',
    callerPhone: '13800001234',
    unit: null,
    unitText: '城关镇卫生院',
    category: 'TRANSPORT',
    urgency: 'URGENT',
    summary: '发热病人需送县医院',
    notes: null,
    status: 'OPEN',
    loggedBy: { __typename: 'PersonRef', id: 'u1', displayName: '王值班' },
    claimedBy: null,
    claimedAt: null,
    closedAt: null,
    version: 1,
    forwards: [],
    ...extra,
  } as DutyCallFieldsFragment;
}

describe('which cached day logs a call belongs in', () => {
  it('follows the HQ day, not the UTC one: 00:30 in Beijing is the next day', () => {
    // 2026-12-07T16:30Z is 2026-12-08 00:30 at HQ (UTC+8).
    const justAfterMidnight = call('1', '2026-12-07T16:30:00.000Z');
    expect(matchesDutyLogFilter(justAfterMidnight, { day: DAY }, DAY)).toBe(true);
    expect(matchesDutyLogFilter(justAfterMidnight, { day: '2026-12-07' }, DAY)).toBe(false);
  });

  it('applies the server’s filters: category, urgency, status, forwarded to, and search in any text', () => {
    const forwarded = call('2', '2026-12-08T02:00:00.000Z', {
      forwards: [{ id: 'f', callId: '2', targetGroup: 'TRANSPORT', targetUnit: null, forwardedAt: '', acknowledgedAt: null }],
    } as Partial<DutyCallFieldsFragment>);
    const cases: [DutyLogFilter, boolean][] = [
      [{ day: DAY, category: 'TRANSPORT' }, true],
      [{ day: DAY, category: 'PETITION' }, false],
      [{ day: DAY, urgency: 'CRITICAL' }, false],
      [{ day: DAY, status: 'OPEN' }, true],
      [{ day: DAY, forwardedTo: 'TRANSPORT' }, true],
      [{ day: DAY, forwardedTo: 'LOGISTICS' }, false],
      [{ day: DAY, search: '1380000' }, true],
      [{ day: DAY, search: '卫生院' }, true],
      [{ day: DAY, search: 'zb-20261208-002' }, true],
      [{ day: DAY, search: '信访' }, false],
    ];
    for (const [filter, expected] of cases) expect([filter, matchesDutyLogFilter(forwarded, filter, DAY)]).toEqual([filter, expected]);
  });
});

/** The server: a day log holding the calls given, and logDutyCall answering with `logged`. */
function consoleWith(listed: DutyCallFieldsFragment[], logged: DutyCallFieldsFragment) {
  const server: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((op: Operation) => op.kind !== 'teardown'),
      map((op: Operation) => {
        if (op.kind === 'mutation') return makeResult(op, { data: { logDutyCall: logged } });
        const f = (op.variables as { filter: DutyLogFilter }).filter;
        const items = listed.filter((c) => matchesDutyLogFilter(c, f, DAY));
        return makeResult(op, { data: { dutyLog: { __typename: 'DutyLogPage', items, total: items.length, day: DAY } } });
      }),
    );
  return new Client({
    url: 'http://localhost/graphql',
    exchanges: [cacheExchange({ keys: dutyCacheKeys, updates: dutyCacheUpdates }), server],
  });
}
const page = (client: Client, filter: DutyLogFilter, offset = 0) => {
  const data = client.readQuery(DutyLogDocument, { filter, first: 50, offset })?.data;
  return data ? { numbers: data.dutyLog.items.map((c) => c.number), total: data.dutyLog.total } : null;
};

describe('a call logged appears in the log without a refetch', () => {
  const earlier = call('1', '2026-12-08T01:00:00.000Z');
  const logged = call('2', '2026-12-08T02:00:00.000Z');

  it('goes on top of the first page of each day log it matches, and counts in its total', async () => {
    const client = consoleWith([earlier], logged);
    for (const filter of [{ day: DAY }, { day: DAY, category: 'PETITION' as const }, { day: '2026-12-07' }])
      await client.query(DutyLogDocument, { filter, first: 50, offset: 0 }).toPromise();
    await client.query(DutyLogDocument, { filter: { day: DAY }, first: 50, offset: 50 }).toPromise();

    await client
      .mutation(LogDutyCallDocument, { input: { callerName: '周建国', category: 'TRANSPORT', urgency: 'URGENT', summary: 'x' } })
      .toPromise();

    expect(page(client, { day: DAY })).toEqual({ numbers: [logged.number, earlier.number], total: 2 });
    // Another category, another day, a later page: left as they were.
    expect(page(client, { day: DAY, category: 'PETITION' })).toEqual({ numbers: [], total: 0 });
    expect(page(client, { day: '2026-12-07' })).toEqual({ numbers: [], total: 0 });
    expect(page(client, { day: DAY }, 50)?.numbers).toEqual([earlier.number]);
  });

  it('is placed once, however often it is announced (the mutation, then its live event)', async () => {
    const client = consoleWith([earlier], logged);
    await client.query(DutyLogDocument, { filter: { day: DAY }, first: 50, offset: 0 }).toPromise();
    const input = { callerName: '周建国', category: 'TRANSPORT' as const, urgency: 'URGENT' as const, summary: 'x' };
    await client.mutation(LogDutyCallDocument, { input }).toPromise();
    await client.mutation(LogDutyCallDocument, { input }).toPromise();
    expect(page(client, { day: DAY })).toEqual({ numbers: [logged.number, earlier.number], total: 2 });
  });
});

describe('the CSV export', () => {
  it('quotes what would break a row, and starts with a BOM so Excel reads the Chinese', () => {
    const csv = toCsv(['编号', '来电内容'], [['ZB-20261208-001', '发热, 需送诊 "急"\n家属陪同']]);
    expect(csv).toBe('\uFEFF编号,来电内容\r\nZB-20261208-001,"发热, 需送诊 ""急""\n家属陪同"\r\n');
  });
});
