import { HQ_TIME_ZONE, atHqTime, hqClock, hqDay } from '@cc/shared';
import { currentLocale, i18n } from './i18n';

/**
 * The console's one way of showing an instant: on HQ's clock (UTC+8), whatever the browser's
 * time zone, in the console's language. Order numbers, "today" and reporting deadlines are HQ
 * days, so a clock reading that followed the browser would disagree with them.
 */
export type HqTimeStyle =
  /** 14:05, or 11-25 14:05 when not today (HQ day): lists and cards. */
  | 'clock'
  /** 11-25 14:05: always with the day. */
  | 'dayClock'
  /** 2026-11-25 14:05: a record's full time. */
  | 'full'
  /** 2026-11-25 14:05:09: the audit trail. */
  | 'fullSeconds'
  /** 14:05:09: "updated at" stamps. */
  | 'clockSeconds';

const STYLES: Record<Exclude<HqTimeStyle, 'clock'>, Intl.DateTimeFormatOptions> = {
  dayClock: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  full: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  fullSeconds: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  clockSeconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
};
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    // hourCycle h23, not hour12: false, so midnight reads 00:30 and never 24:30.
    found = new Intl.DateTimeFormat(locale, { ...options, hourCycle: 'h23', timeZone: HQ_TIME_ZONE });
    formatters.set(key, found);
  }
  return found;
}

function instant(at: string | Date): Date {
  return typeof at === 'string' ? new Date(at) : at;
}

/** Whether an instant falls on the same HQ calendar day as `now`. */
export function isHqToday(at: string | Date, now: Date = new Date()): boolean {
  return hqDay(instant(at)) === hqDay(now);
}

/** An instant on HQ's clock, without the zone label ('—' for none). `now` decides "today" for the 'clock' style. */
export function formatHqTime(at: string | Date | null | undefined, style: HqTimeStyle = 'clock', now: Date = new Date()): string {
  if (at === null || at === undefined || at === '') return '—';
  const date = instant(at);
  if (Number.isNaN(date.getTime())) return '—';
  const options = style === 'clock' ? (isHqToday(date, now) ? CLOCK : STYLES.dayClock) : STYLES[style];
  return formatter(currentLocale.value, options).format(date);
}

/** How the console names HQ time: 北京时间 / UTC+8. For column and page headers. */
export function hqZoneLabel(): string {
  return i18n.global.t('hqTime.zone');
}

/** A text with HQ's zone named after it: a column header "接报时间（北京时间）" / "Reported (UTC+8)". */
export function withHqZone(text: string): string {
  return i18n.global.t('hqTime.labelled', { text, zone: hqZoneLabel() });
}

/** An instant on HQ's clock with the zone named: "14:05（北京时间）" / "14:05 (UTC+8)". */
export function formatHqTimeLabelled(at: string | Date | null | undefined, style: HqTimeStyle = 'clock', now: Date = new Date()): string {
  const text = formatHqTime(at, style, now);
  return text === '—' ? text : withHqZone(text);
}

/**
 * Date pickers work on the browser's clock. These two translate so that what a person sees and
 * types in a picker is HQ wall-clock time: a picker value whose local reading is the HQ reading
 * of `at`, and back.
 */
export function hqWallClockForPicker(at: Date): Date {
  const { day, hour, minute } = hqClock(at);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, hour, minute, at.getUTCSeconds());
}

/** The instant a picker value means when its local reading is taken as HQ wall-clock time. */
export function instantFromHqPicker(picked: Date): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${picked.getFullYear()}-${pad(picked.getMonth() + 1)}-${pad(picked.getDate())}`;
  const minuteStart = atHqTime(day, `${pad(picked.getHours())}:${pad(picked.getMinutes())}`);
  return new Date(minuteStart.getTime() + picked.getSeconds() * 1000 + picked.getMilliseconds());
}
