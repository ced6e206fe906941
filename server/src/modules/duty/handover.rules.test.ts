import { describe, expect, it } from 'vitest';
import type { HandoverItem } from '../../core/handover-items';
import type { StoredHandoverItem } from './handover.entity';
import { handoverItems, shiftWindow } from './handover.rules';

const HOUR = 3_600_000;
const now = new Date('2026-03-01T08:00:00.000Z');

const live = (kind: string, entityId: string, severity: HandoverItem['severity'] = 'INFO', code?: string) => ({
  kind,
  label: `${kind} ${entityId}`,
  target: { entityType: 'Incident', entityId },
  severity,
  code,
  module: 'incidents',
});
const stored = (kind: string, entityId: string, code: string | null = null): StoredHandoverItem => ({
  ...live(kind, entityId),
  code,
  dueAt: null,
  carriedOver: false,
});

describe('the items a new handover keeps', () => {
  it('marks what the previous handover already had and is still open as carried over; the rest is new', () => {
    const items = handoverItems(
      [live('INCIDENT_PAST_DEADLINE', 'a', 'CRITICAL'), live('VEHICLE_OUT', 'b')],
      [stored('INCIDENT_PAST_DEADLINE', 'a'), stored('VEHICLE_OUT', 'closed-meanwhile')],
    );
    expect(items.map((i) => [i.kind, i.target?.entityId, i.carriedOver])).toEqual([
      ['INCIDENT_PAST_DEADLINE', 'a', true],
      ['VEHICLE_OUT', 'b', false],
    ]);
  });

  it('tells two alerts on one record apart by their rule, and lists one record of one kind once', () => {
    const items = handoverItems(
      [
        live('STANDING_ALERT', 'a', 'CRITICAL', 'incident-past-deadline'),
        live('STANDING_ALERT', 'a', 'WARNING', 'incident-unacknowledged'),
        live('STANDING_ALERT', 'a', 'WARNING', 'incident-unacknowledged'),
      ],
      [stored('STANDING_ALERT', 'a', 'incident-unacknowledged')],
    );
    expect(items.map((i) => [i.code, i.carriedOver])).toEqual([
      ['incident-past-deadline', false],
      ['incident-unacknowledged', true],
    ]);
  });

  it('puts the most severe first, then by kind', () => {
    const items = handoverItems([live('VEHICLE_OUT', 'v'), live('INCIDENT_NEAR_DEADLINE', 'n', 'WARNING'), live('X', 'c', 'CRITICAL')], []);
    expect(items.map((i) => i.severity)).toEqual(['CRITICAL', 'WARNING', 'INFO']);
  });
});

describe('the shift a handover covers', () => {
  it('is the last 8 hours ending now unless the officer says otherwise', () => {
    expect(shiftWindow({}, now)).toEqual({ start: new Date(now.getTime() - 8 * HOUR), end: now });
    const start = new Date(now.getTime() - 12 * HOUR);
    expect(shiftWindow({ shiftStartedAt: start }, now)).toEqual({ start, end: now });
  });

  it('refuses a shift that ends before it starts, lasts more than a day, or ends far from now', () => {
    const code = (input: Parameters<typeof shiftWindow>[0]) => {
      try {
        shiftWindow(input, now);
        return 'accepted';
      } catch (error) {
        return (error as { extensions: { field: string } }).extensions.field;
      }
    };
    expect(code({ shiftStartedAt: new Date(now.getTime() + HOUR) })).toBe('shiftStartedAt');
    expect(code({ shiftStartedAt: new Date(now.getTime() - 27 * HOUR) })).toBe('shiftStartedAt');
    expect(code({ shiftEndsAt: new Date(now.getTime() - 8 * 24 * HOUR) })).toBe('shiftEndsAt');
    expect(code({ shiftEndsAt: new Date(now.getTime() + 25 * HOUR) })).toBe('shiftEndsAt');
    expect(code({ shiftEndsAt: new Date(now.getTime() + 2 * HOUR) })).toBe('accepted');
  });
});
