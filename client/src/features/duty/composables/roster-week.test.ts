import { describe, expect, it } from 'vitest';
import { atHqTime } from '@cc/shared';
import { blocksOfDay, mondayOf, uncoveredOfWeek, type RosterShiftRow } from './roster-week';

const shift = (id: string, from: Date, to: Date, roles: ('OFFICER' | 'LEADER')[] = ['OFFICER', 'LEADER']): RosterShiftRow => ({
  id,
  version: 1,
  startsAt: from.toISOString(),
  endsAt: to.toISOString(),
  note: '',
  deleted: false,
  members: roles.map((role, i) => ({ id: `${id}-${i}`, userId: `u${i}`, displayName: `p${i}`, role })),
});

describe('the roster week view', () => {
  it('starts the week on the HQ Monday', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2026-12-14')).toBe('2026-12-14');
  });

  it('cuts a night shift at HQ midnight and puts only overlapping shifts side by side', () => {
    const night = shift('night', atHqTime('2026-12-07', '20:00'), atHqTime('2026-12-08', '08:30'));
    const day = shift('day', atHqTime('2026-12-08', '08:00'), atHqTime('2026-12-08', '20:00'));
    const evening = shift('evening', atHqTime('2026-12-08', '20:00'), atHqTime('2026-12-09', '08:00'));
    const blocks = blocksOfDay([night, day, evening], '2026-12-08');
    expect(blocks.map((b) => [b.shift.id, b.top, b.height, b.lane, b.lanes])).toEqual([
      ['night', 0, 8.5, 0, 2],
      ['day', 8, 12, 1, 2],
      ['evening', 20, 4, 0, 1],
    ]);
    expect(blocksOfDay([night], '2026-12-07').map((b) => [b.top, b.height])).toEqual([[20, 4]]);
  });

  it('marks the week’s uncovered hours with the shared rule', () => {
    const gaps = uncoveredOfWeek([shift('d', atHqTime('2026-12-07', '00:00'), atHqTime('2026-12-08', '00:00'), ['OFFICER'])], '2026-12-07');
    expect(gaps.size).toBe(7 * 24);
    expect(gaps.get(atHqTime('2026-12-07', '10:00').getTime())?.missing).toEqual(['LEADER']);
    expect(gaps.get(atHqTime('2026-12-08', '10:00').getTime())?.missing).toEqual(['OFFICER', 'LEADER']);
  });
});
