import { defineAlertRule } from '../../../core/alerts/alert-rule';
import type { DailyReportService } from '../daily-report.service';

const MINUTE = 60_000;
/** How many unit names the alert's text spells out before "…and N more". */
const NAMED_UNITS = 8;

/**
 * 漏报: a report type's due time (HQ time) has passed and some member units have not filed, not
 * even a zero report. One alert per type and HQ day, listing the missing units; it changes as
 * reports arrive (a late one still counts as filed, marked late on the board) and resolves when
 * the last unit has filed. The coordinator's to chase; the leader sees it too.
 */
export const dailyReportMissingRule = (reports: DailyReportService) =>
  defineAlertRule({
    id: 'daily-report-missing',
    level: 'WARNING',
    group: 'COORDINATION',
    description: 'Member units have not filed a daily report (or a zero report) by its due time.',
    thresholds: {
      graceMinutes: {
        default: 0,
        min: 0,
        max: 720,
        unit: 'minutes',
        description: 'Minutes after the due time before the missing units are listed.',
      },
    },
    escalationMinutes: null,
    triggers: ['dailyReport'],
    async evaluate({ em, now }, { graceMinutes }) {
      const missing = await reports.missing(em, new Date(now.getTime() - graceMinutes * MINUTE));
      return missing.map(({ type, day, units }) => {
        const names = units.map((u) => u.name);
        const shown = names.slice(0, NAMED_UNITS).join('、');
        return {
          dedupeKey: `${type.id}/${day}`,
          source: { entityType: 'DailyReportType', entityId: type.id },
          params: {
            report: type.name,
            day,
            dueTime: type.dueTime,
            count: units.length,
            units: names.length > NAMED_UNITS ? `${shown}…` : shown,
          },
        };
      });
    },
    summary: (p) => `${p['count']} member unit(s) have not filed the ${p['report']} for ${p['day']} due by ${p['dueTime']}: ${p['units']}`,
  });
