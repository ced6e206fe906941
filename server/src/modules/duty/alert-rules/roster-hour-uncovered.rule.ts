import { hqClock, startOfHour, uncoveredHours, uncoveredStretches, HOUR_MS } from '@cc/shared';
import { defineAlertRule } from '../../../core/alerts/alert-rule';
import { DUTY_SHIFT_TOPIC } from '../duty.events';
import type { RosterService } from '../roster.service';

const hqLabel = (at: Date) => {
  const c = hqClock(at);
  return `${c.day.slice(5)} ${c.time}`;
};

/** How far back a stretch's true start is looked for: its key must not move while the hours go by. */
const LOOK_BACK_HOURS = 7 * 24;

/**
 * 空岗: an hour in the next 24 with no officer or no leader on duty (不得空岗脱岗). One alert per
 * stretch of consecutive hours missing the same roles, keyed by the stretch's true start (found
 * over the past week, so an ongoing gap keeps its one alert); it clears when the roster covers
 * it or when it is over.
 */
export const rosterHourUncoveredRule = (roster: RosterService) =>
  defineAlertRule({
    id: 'roster-hour-uncovered',
    level: 'WARNING',
    group: 'DUTY',
    description: 'An hour in the next 24 has no duty officer or no leader on duty on the roster.',
    thresholds: {
      hoursAhead: { default: 24, min: 1, max: 168, unit: 'hours', description: 'How far ahead the roster must be covered.' },
    },
    escalationMinutes: null,
    triggers: [DUTY_SHIFT_TOPIC],
    async evaluate({ em, now }, { hoursAhead }) {
      const from = startOfHour(now);
      const to = new Date(from.getTime() + hoursAhead * HOUR_MS);
      const lookBack = new Date(from.getTime() - LOOK_BACK_HOURS * HOUR_MS);
      const shifts = await roster.shiftsOverlapping(em, lookBack, to);
      return uncoveredStretches(uncoveredHours(shifts, lookBack, to))
        .filter((stretch) => stretch.to.getTime() > from.getTime())
        .map((stretch) => {
          const missing = stretch.missing.join(',');
          // A gap older than the look-back has no known start: one key for it, so it does not move hourly.
          const start = stretch.from.getTime() === lookBack.getTime() ? 'long-standing' : stretch.from.toISOString();
          const key = `${start}/${missing}`;
          const ahead = { from: new Date(Math.max(stretch.from.getTime(), from.getTime())), to: stretch.to };
          return {
            dedupeKey: key,
            source: { entityType: 'DutyRoster', entityId: ahead.from.toISOString() },
            params: {
              from: ahead.from.toISOString(),
              to: ahead.to.toISOString(),
              fromLabel: hqLabel(ahead.from),
              toLabel: hqLabel(ahead.to),
              hours: Math.round((ahead.to.getTime() - ahead.from.getTime()) / HOUR_MS),
              missing,
            },
          };
        });
    },
    summary: (p) =>
      `No ${String(p['missing']).toLowerCase().replace(',', ' and no ')} on duty from ${p['fromLabel']} to ${p['toLabel']} (HQ time).`,
  });
