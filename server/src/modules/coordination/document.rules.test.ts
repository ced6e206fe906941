import { describe, expect, it } from 'vitest';
import { cleanDocument, cleanTargets, isOverdue, isPending } from './document.rules';

const now = new Date('2026-12-07T08:00:00Z');
const hour = 3_600_000;
const unit = '5b4c2a52-7f0e-4a61-9d69-1c8f8d7c0a11';
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: { reason?: string } }).extensions?.reason;
  }
  return 'accepted';
};

describe('cleanDocument', () => {
  it('trims and requires number, title and issuer', () => {
    expect(cleanDocument({ direction: 'INCOMING', docNumber: ' 交运防指〔2020〕12号 ', title: ' 通知 ', issuer: '县指挥部' })).toEqual({
      direction: 'INCOMING',
      docNumber: '交运防指〔2020〕12号',
      title: '通知',
      issuer: '县指挥部',
      summary: '',
    });
    expect(codeOf(() => cleanDocument({ direction: 'INCOMING', docNumber: ' ', title: 't', issuer: 'i' }))).toBe('document/number');
    expect(codeOf(() => cleanDocument({ direction: 'OUTGOING', docNumber: 'n', title: 'x'.repeat(201), issuer: 'i' }))).toBe(
      'document/title',
    );
  });
});

describe('cleanTargets', () => {
  it('takes exactly one target per copy, each once; a sign-off needs a future due time within a month', () => {
    const ok = cleanTargets(
      [
        { group: 'TRANSPORT', purpose: 'READ' },
        { unitId: unit, purpose: 'SIGN', dueAt: new Date(now.getTime() + 2 * hour) },
      ],
      now,
      { allowNone: false },
    );
    expect(ok.map((t) => t.kind)).toEqual(['GROUP', 'UNIT']);
    expect(codeOf(() => cleanTargets([], now, { allowNone: false }))).toBe('document/targets');
    expect(cleanTargets([], now, { allowNone: true })).toEqual([]);
    expect(codeOf(() => cleanTargets([{ group: 'DUTY', unitId: unit, purpose: 'READ' }], now, { allowNone: false }))).toBe(
      'document/target_shape',
    );
    expect(codeOf(() => cleanTargets([{ unitId: 'x', purpose: 'READ' }], now, { allowNone: false }))).toBe('document/target_id');
    expect(
      codeOf(() =>
        cleanTargets(
          [
            { group: 'DUTY', purpose: 'READ' },
            { group: 'DUTY', purpose: 'READ' },
          ],
          now,
          { allowNone: false },
        ),
      ),
    ).toBe('document/target_twice');
    expect(codeOf(() => cleanTargets([{ group: 'DUTY', purpose: 'SIGN' }], now, { allowNone: false }))).toBe('document/due_missing');
    expect(codeOf(() => cleanTargets([{ group: 'DUTY', purpose: 'SIGN', dueAt: now }], now, { allowNone: false }))).toBe(
      'document/due_past',
    );
    expect(
      codeOf(() =>
        cleanTargets([{ group: 'DUTY', purpose: 'SIGN', dueAt: new Date(now.getTime() + 40 * 24 * hour) }], now, { allowNone: false }),
      ),
    ).toBe('document/due_far');
    expect(
      codeOf(() => cleanTargets([{ group: 'DUTY', purpose: 'READ', dueAt: new Date(now.getTime() + hour) }], now, { allowNone: false })),
    ).toBe('document/due_on_read');
  });
});

describe('pending and overdue', () => {
  it('a read copy waits until read; a sign-off until signed, and is overdue from its due time', () => {
    const due = new Date(now.getTime() + hour);
    expect(isPending({ purpose: 'READ', readAt: null, signedAt: null })).toBe(true);
    expect(isPending({ purpose: 'READ', readAt: now, signedAt: null })).toBe(false);
    expect(isPending({ purpose: 'SIGN', readAt: now, signedAt: null })).toBe(true);
    expect(isOverdue({ purpose: 'SIGN', signedAt: null, dueAt: due }, now)).toBe(false);
    expect(isOverdue({ purpose: 'SIGN', signedAt: null, dueAt: due }, due)).toBe(true);
    expect(isOverdue({ purpose: 'SIGN', signedAt: due, dueAt: due }, due)).toBe(false);
  });
});
