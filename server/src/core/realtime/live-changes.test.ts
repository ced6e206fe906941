import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import type { Context, Viewer } from '../context';
import { domainError, notFound } from '../errors';
import { assertMayUse, liveChanges, nullIfNotFound } from './live-changes';
import type { EventRecord } from './topics';

const viewer = (roles: Viewer['roles'], expiresAt: Date): Viewer => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  roles,
  unitId: null,
  sessionId: 's',
  sessionExpiresAt: expiresAt,
});
const contextAt = (clock: ManualClock, who: Viewer | null) => ({ viewer: who, clock }) as unknown as Context;
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'allowed';
};

describe('who may open a live-changes subscription', () => {
  it('reads the session’s expiry on the context’s clock, not the wall clock', () => {
    const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const duty = viewer(['DUTY_OFFICER'], new Date('2026-12-01T09:00:00Z'));
    expect(codeOf(() => assertMayUse(contextAt(clock, duty), 'incidentChanged'))).toBe('allowed');
    clock.advance(2 * 3_600_000);
    expect(codeOf(() => assertMayUse(contextAt(clock, duty), 'incidentChanged'))).toBe('UNAUTHENTICATED');
  });

  it('follows the policy table: no session is UNAUTHENTICATED, a role it does not list is FORBIDDEN', () => {
    const clock = new ManualClock();
    const later = new Date(clock.now().getTime() + 60_000);
    expect(codeOf(() => assertMayUse(contextAt(clock, null), 'alertChanged'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => assertMayUse(contextAt(clock, viewer(['UNIT_LIAISON'], later)), 'incidentChanged'))).toBe('FORBIDDEN');
    expect(codeOf(() => assertMayUse(contextAt(clock, viewer(['UNIT_LIAISON'], later)), 'dispatchOrderChanged'))).toBe('allowed');
  });
});

describe('re-reading the record of a change', () => {
  const event = { position: 7n, kind: 'UPDATED', committedAt: new Date(0), entityId: 'x' } as unknown as EventRecord<never>;
  const changes = liveChanges({ operation: 'incidentChanged', topic: 'incident' as never });

  it('delivers position, kind, commit time and the record', async () => {
    await expect(changes.resolve(event, async () => ({ title: 't' }))).resolves.toEqual({
      position: 7n,
      kind: 'UPDATED',
      committedAt: new Date(0),
      record: { title: 't' },
    });
  });

  it('skips only what is gone or not the viewer’s, and lets a database failure through to be retried', async () => {
    await expect(changes.resolve(event, () => nullIfNotFound(Promise.reject(notFound('Dispatch order', 'x'))))).resolves.toBeNull();
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    await expect(changes.resolve(event, () => nullIfNotFound(Promise.reject(down)))).rejects.toBe(down);
    const forbidden = domainError('FORBIDDEN', 'no');
    await expect(changes.resolve(event, () => nullIfNotFound(Promise.reject(forbidden)))).rejects.toBe(forbidden);
  });
});
