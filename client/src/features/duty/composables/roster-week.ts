import { addHqDays, hqDay, HOUR_MS, startOfHqDayOf, uncoveredHours, type DutyRole, type UncoveredHour } from '@cc/shared';

/** A shift as the console holds it (the server's fields). */
export interface RosterShiftRow {
  id: string;
  version: number;
  startsAt: string;
  endsAt: string;
  note: string;
  deleted: boolean;
  members: readonly { id: string; userId: string; displayName: string; role: DutyRole; checkedInAt?: string | null }[];
}

/** One shift's part on one HQ day of the week view: from/to in hours after that day's midnight. */
export interface ShiftBlock {
  shift: RosterShiftRow;
  top: number;
  height: number;
  lane: number;
  lanes: number;
}

/** The Monday (HQ) of the week a day falls in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addHqDays(day, -((weekday + 6) % 7));
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addHqDays(monday, i));
}

/**
 * Each day's blocks: shifts that overlap (a handover) side by side in lanes; a group of
 * overlapping shifts shares the width, a shift overlapping nothing takes the whole column.
 */
export function blocksOfDay(shifts: readonly RosterShiftRow[], day: string): ShiftBlock[] {
  const dayStart = startOfHqDayOf(day).getTime();
  const dayEnd = dayStart + 24 * HOUR_MS;
  const parts = shifts
    .map((shift) => ({ shift, from: Math.max(Date.parse(shift.startsAt), dayStart), to: Math.min(Date.parse(shift.endsAt), dayEnd) }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from || b.to - a.to);
  const blocks: ShiftBlock[] = [];
  let group: { part: (typeof parts)[number]; lane: number }[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const close = () => {
    for (const { part, lane } of group)
      blocks.push({
        shift: part.shift,
        top: (part.from - dayStart) / HOUR_MS,
        height: (part.to - part.from) / HOUR_MS,
        lane,
        lanes: laneEnds.length,
      });
    group = [];
    laneEnds = [];
  };
  for (const part of parts) {
    if (part.from >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= part.from);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = part.to;
    group.push({ part, lane });
    groupEnd = Math.max(part.from >= groupEnd ? part.to : groupEnd, part.to);
  }
  close();
  return blocks;
}

/** The uncovered hours of the week, by their start instant (ms), from the shared rule the server alerts on. */
export function uncoveredOfWeek(shifts: readonly RosterShiftRow[], monday: string): Map<number, UncoveredHour> {
  const from = startOfHqDayOf(monday);
  const to = new Date(from.getTime() + 7 * 24 * HOUR_MS);
  const hours = uncoveredHours(
    shifts.map((s) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), members: s.members })),
    from,
    to,
  );
  return new Map(hours.map((h) => [h.at.getTime(), h]));
}

export const todayAtHq = () => hqDay(new Date());
