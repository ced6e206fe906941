/**
 * HQ time: the headquarters keeps China Standard Time (UTC+8, no daylight saving). Every
 * "day" (order and call numbers, today's figures, reporting deadlines) is an HQ calendar day,
 * whatever the time zone of the server or the browser. The one place both ends read it from.
 */
export const HQ_UTC_OFFSET_MINUTES = 8 * 60;
export const HQ_TIME_ZONE = 'Asia/Shanghai';
/** How the console labels HQ time next to a clock reading. */
export const HQ_TIME_LABEL = 'UTC+8';

const HQ_OFFSET_MS = HQ_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The HQ calendar day of an instant, as YYYY-MM-DD. */
export function hqDay(at: Date): string {
  return new Date(at.getTime() + HQ_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `day` is a real calendar date written YYYY-MM-DD. */
export function isHqDay(day: string): boolean {
  if (!DAY_PATTERN.test(day)) return false;
  const parsed = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === day;
}

/** The instant an HQ day starts (its midnight, UTC+8). Throws RangeError for a malformed day. */
export function startOfHqDayOf(day: string): Date {
  if (!isHqDay(day)) throw new RangeError(`"${day}" is not a date written YYYY-MM-DD`);
  return new Date(Date.parse(`${day}T00:00:00Z`) - HQ_OFFSET_MS);
}

/** The instants an HQ day runs between: [start, end). */
export function hqDayRange(day: string): { start: Date; end: Date } {
  const start = startOfHqDayOf(day);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** The start of the HQ day an instant falls in. */
export function startOfHqDay(at: Date): Date {
  return startOfHqDayOf(hqDay(at));
}

/** The instant of a wall-clock time ('HH:mm', HQ time) on an HQ day, e.g. a 16:00 deadline. */
export function atHqTime(day: string, time: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time written HH:mm`);
  return new Date(startOfHqDayOf(day).getTime() + (Number(match[1]) * 60 + Number(match[2])) * 60_000);
}

/** The HQ wall-clock parts of an instant (for display and for "HH:mm" comparisons). */
export function hqClock(at: Date): { day: string; hour: number; minute: number; time: string } {
  const shifted = new Date(at.getTime() + HQ_OFFSET_MS);
  const hour = shifted.getUTCHours();
  const minute = shifted.getUTCMinutes();
  return { day: hqDay(at), hour, minute, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/** The HQ day before or after `day` by whole days. */
export function addHqDays(day: string, days: number): string {
  return hqDay(new Date(startOfHqDayOf(day).getTime() + days * DAY_MS));
}
