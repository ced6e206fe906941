import { describe, expect, it } from 'vitest';
import { dateTimeRule, formatDateTime, parseDateTime } from './date-time-text';

const t = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`;

/** Runs the rule as Element Plus's form does and returns its message, or null when it passes. */
function check(rule: ReturnType<typeof dateTimeRule>, value: Date | null): string | null {
  let message: string | null = null;
  rule.validator!(
    rule,
    value,
    (error?: string | Error) => (message = error ? String(error instanceof Error ? error.message : error) : null),
    {},
    {},
  );
  return message;
}

describe('garbage in a date field (issue 27)', () => {
  it('is refused with the text typed, not left to become "now"', () => {
    const rule = dateTimeRule(t, () => 'yesterday evening');
    expect(check(rule, null)).toBe('common.form.notADateTime {"text":"yesterday evening"}');
  });

  it('reads what the field shows, and refuses days that do not exist', () => {
    const at = new Date(2026, 11, 7, 14, 30, 0);
    expect(parseDateTime(formatDateTime(at))).toEqual(at);
    expect(parseDateTime('2026-12-07 14:30')).toEqual(at);
    expect(parseDateTime('2026-02-31 10:00:00')).toBeNull();
    expect(parseDateTime('tomorrow')).toBeNull();
  });

  it('passes an empty field, a picked time, and typed text equal to the time already held', () => {
    const at = new Date(2026, 11, 7, 14, 30, 0);
    expect(
      check(
        dateTimeRule(t, () => ''),
        null,
      ),
    ).toBeNull();
    expect(
      check(
        dateTimeRule(t, () => ''),
        at,
      ),
    ).toBeNull();
    expect(
      check(
        dateTimeRule(t, () => '2026-12-07 14:30'),
        at,
      ),
    ).toBeNull();
  });

  it('applies the domain limit to a typed time the picker would not take, and to a picked one', () => {
    const tooOld = () => 'too old';
    expect(
      check(
        dateTimeRule(t, () => '2020-01-01 00:00:00', tooOld),
        null,
      ),
    ).toBe('too old');
    expect(
      check(
        dateTimeRule(t, () => '', tooOld),
        new Date(2020, 0, 1),
      ),
    ).toBe('too old');
  });
});
