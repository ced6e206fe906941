import type { FormItemRule } from 'element-plus';

/** How the console's date-time fields show and read a time (the browser's local time). */
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatDateTime(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

const TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A typed date-time in the field's format (seconds and time optional), or null when it is not one. */
export function parseDateTime(text: string): Date | null {
  const match = TYPED.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const at = new Date(year!, month! - 1, day!, hour, minute, second);
  // 2026-02-31 rolls over into March: not a date that exists.
  return at.getFullYear() === year && at.getMonth() === month! - 1 && at.getDate() === day ? at : null;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * Refuses text the picker could not read instead of letting it become empty (or "now"), and
 * runs `check` (a domain limit, e.g. how old a report time may be) on the time given, typed or
 * picked: it returns a message, or null when the time is fine.
 */
export function dateTimeRule(t: Translate, unparsed: () => string, check: (at: Date) => string | null = () => null): FormItemRule {
  return {
    trigger: ['blur', 'change'],
    validator: (_rule, value: unknown, callback) => {
      const held = value instanceof Date ? value : null;
      const text = unparsed();
      const typed = text ? parseDateTime(text) : null;
      // Text left over means the picker did not take it (unless it is the time already held).
      if (text && (!typed || typed.getTime() !== held?.getTime())) {
        return callback(new Error((typed && check(typed)) || t('common.form.notADateTime', { text })));
      }
      const problem = held ? check(held) : null;
      callback(problem ? new Error(problem) : undefined);
    },
  };
}
