import { defineModule, type ModuleManifest } from '../../core/module';
import type { MemberUnitService } from '../identity/member-unit.service';
import { dailyReportMissingRule } from './alert-rules/daily-report-missing.rule';
import { seedDailyReportDemo } from './daily-report.demo';
import { DailyReportAmendmentSchema, DailyReportSchema, DailyReportTypeSchema } from './daily-report.entity';
import { DAILY_REPORT_TOPIC } from './daily-report.events';
import { dailyReportLeaderFigures } from './daily-report.leader-figures';
import {
  DailyReportAmendmentFields,
  DailyReportBoardFields,
  DailyReportCalendarFields,
  DailyReportCalendarRowFields,
  DailyReportFields,
  DailyReportRollupFields,
  DailyReportTypeBoardFields,
  DailyReportTypeFields,
} from './daily-report.fields';
import { DailyReportResolver } from './daily-report.resolver';
import { DailyReportService } from './daily-report.service';
import { Migration0019DailyReports } from './migrations/0019-daily-reports';

export interface CoordinationModuleDeps {
  units: MemberUnitService;
  /** The whole module list, read when a zero report is filed: every module's `unitOpenWork` (the 瞒报 check). */
  modules: () => readonly ModuleManifest[];
}

/** 综合协调: HQ directives, daily and zero reports, documents, meetings and the response level (issue 23). */
export function createCoordinationModule(deps: CoordinationModuleDeps) {
  const dailyReports = new DailyReportService(deps.units, () =>
    deps.modules().flatMap((m) => (m.unitOpenWork ? [{ module: m.name, source: m.unitOpenWork }] : [])),
  );
  return defineModule(
    {
      name: 'coordination',
      workingGroup: 'COORDINATION',
      entities: [DailyReportTypeSchema, DailyReportSchema, DailyReportAmendmentSchema],
      resolvers: [
        new DailyReportResolver(dailyReports),
        new DailyReportTypeFields(),
        new DailyReportFields(dailyReports),
        new DailyReportAmendmentFields(),
        new DailyReportBoardFields(),
        new DailyReportTypeBoardFields(),
        new DailyReportRollupFields(),
        new DailyReportCalendarFields(),
        new DailyReportCalendarRowFields(),
      ],
      migrations: [{ name: '0019-daily-reports', class: Migration0019DailyReports }],
      topics: [DAILY_REPORT_TOPIC],
      alertRules: [dailyReportMissingRule(dailyReports)],
      leaderFigures: dailyReportLeaderFigures(dailyReports),
      demoSeed: seedDailyReportDemo,
    },
    { dailyReports },
  );
}
