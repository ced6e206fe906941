import { addHqDays, atHqTime, hqDay, startOfHqDay, type DailyReportFieldSpec } from '@cc/shared';
import type { DemoSeedContext } from '../../core/module';
import { DailyReport, DailyReportType, type DailyReportValues } from './daily-report.entity';

const MINUTE = 60_000;

/** The two daily reports the plans name: the daily progress report (日调度, plan 5) and the absence/health report (seed 002). */
export const DEMO_REPORT_TYPES: readonly {
  code: string;
  name: string;
  dueTime: string;
  sortOrder: number;
  fields: DailyReportFieldSpec[];
}[] = [
  {
    code: 'ABSENCE_HEALTH',
    name: '缺勤及健康状况日报',
    dueTime: '11:30',
    sortOrder: 10,
    fields: [
      { key: 'absentStaff', label: '缺勤人数', kind: 'NUMBER' },
      { key: 'feverCases', label: '发热人数', kind: 'NUMBER' },
      { key: 'absenceReasons', label: '缺勤原因', kind: 'TEXT' },
    ],
  },
  {
    code: 'DAILY_PROGRESS',
    name: '疫情防控工作日调度',
    dueTime: '16:00',
    sortOrder: 20,
    fields: [
      { key: 'staffOnDuty', label: '在岗人数', kind: 'NUMBER' },
      { key: 'checkpointsServed', label: '保障检疫点数', kind: 'NUMBER' },
      { key: 'suppliesDelivered', label: '配送物资（件）', kind: 'NUMBER' },
      { key: 'progress', label: '工作进展', kind: 'TEXT' },
      { key: 'problems', label: '存在问题', kind: 'TEXT' },
    ],
  },
];

/**
 * Demo mode only: the report types, yesterday's reports from every unit (one late, one a zero
 * report) and today's from every unit but 县农业农村局, whose liaison (the demo's `liaison`) has
 * today's still to file.
 */
export async function seedDailyReportDemo({ em, now, cast }: DemoSeedContext) {
  const units = cast.units;
  if (!units) return;
  const today = hqDay(now);
  const yesterday = addHqDays(today, -1);
  const types = DEMO_REPORT_TYPES.map((t) => em.create(DailyReportType, { ...t, active: true, startsOn: yesterday }));
  await em.flush();
  const names = new Map((await em.execute<{ id: string; name: string }[]>('select id, name from member_unit')).map((u) => [u.id, u.name]));
  const file = (type: DailyReportType, code: string, day: string, submittedAt: Date, zero: boolean, values: DailyReportValues) => {
    const unitId = units.get(code);
    if (!unitId) return;
    const dueAt = atHqTime(day, type.dueTime);
    em.create(DailyReport, {
      typeId: type.id,
      unitId,
      unitName: names.get(unitId) ?? code,
      day,
      dueAt,
      submittedAt,
      submittedByName: '成员单位联络员',
      late: submittedAt.getTime() > dueAt.getTime(),
      zero,
      values: zero ? {} : values,
      note: '',
      openWork: [],
      amendmentCount: 0,
      lastAmendedAt: null,
    });
  };
  const health = types[0]!;
  const sample = (type: DailyReportType, i: number): DailyReportValues =>
    type === health
      ? { absentStaff: i, feverCases: 0, absenceReasons: i ? '病假' : '' }
      : { staffOnDuty: 12 + i * 3, checkpointsServed: 2 + i, suppliesDelivered: 40 * (i + 1), progress: '检疫点物资补给正常' };
  for (const type of types) {
    const due = atHqTime(yesterday, type.dueTime);
    file(type, 'AGRICULTURE', yesterday, new Date(due.getTime() - 90 * MINUTE), false, sample(type, 1));
    file(type, 'COMMERCE', yesterday, new Date(due.getTime() - 30 * MINUTE), false, sample(type, 2));
    // 迟报: filed 40 minutes after the due time.
    file(type, 'INDUSTRY', yesterday, new Date(due.getTime() + 40 * MINUTE), false, sample(type, 0));
    file(type, 'HEALTH', yesterday, new Date(due.getTime() - 60 * MINUTE), true, {});
    // Today's so far: a few minutes ago (on time or late as the clock says), never before the HQ day began.
    const at = (minutes: number) => new Date(Math.max(startOfHqDay(now).getTime(), now.getTime() - minutes * MINUTE));
    file(type, 'COMMERCE', today, at(25), false, sample(type, 1));
    file(type, 'INDUSTRY', today, at(15), false, sample(type, 3));
    file(type, 'HEALTH', today, at(5), true, {});
  }
  await em.flush();
}
