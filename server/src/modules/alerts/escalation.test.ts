import { describe, expect, it } from 'vitest';
import { escalationDue, nextLeader } from './escalation';

const raisedAt = new Date('2026-01-01T08:00:00Z');
const at = (minutes: number) => new Date(raisedAt.getTime() + minutes * 60_000);
const critical = { level: 'CRITICAL' as const, status: 'RAISED' as const, raisedAt, escalatedAt: null };

describe('escalation of unacknowledged critical alerts', () => {
  it('is due once the escalation time has passed since it was raised, not before', () => {
    expect(escalationDue(critical, 10, at(9))).toBe(false);
    expect(escalationDue(critical, 10, at(10))).toBe(true);
  });

  it('counts again from the last escalation', () => {
    expect(escalationDue({ ...critical, escalatedAt: at(10) }, 10, at(19))).toBe(false);
    expect(escalationDue({ ...critical, escalatedAt: at(10) }, 10, at(20))).toBe(true);
  });

  it('stops once someone acknowledged it, and never applies to warnings or rules without an escalation time', () => {
    expect(escalationDue({ ...critical, status: 'ACKNOWLEDGED' }, 10, at(60))).toBe(false);
    expect(escalationDue({ ...critical, level: 'WARNING' }, 10, at(60))).toBe(false);
    expect(escalationDue(critical, null, at(60))).toBe(false);
  });

  it('goes round the leaders in order and wraps to the first', () => {
    expect(nextLeader(['a', 'b', 'c'], null)).toBe('a');
    expect(nextLeader(['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextLeader(['a', 'b', 'c'], 'c')).toBe('a');
    expect(nextLeader(['a'], 'a')).toBe('a');
    expect(nextLeader(['a', 'b'], 'gone')).toBe('a');
    expect(nextLeader([], 'a')).toBeNull();
  });
});
