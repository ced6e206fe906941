import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DAILY_REPORT_FIELD_KINDS, DAILY_REPORT_STATUSES, type DailyReportFieldKind, type DailyReportStatus } from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';
import { PersonRefType } from '../incidents/incident.types';

export const DailyReportFieldKindEnum = graphqlEnum(
  DAILY_REPORT_FIELD_KINDS,
  'DailyReportFieldKind',
  'A report field’s kind: a whole number (summed in the roll-up) or a short text.',
);
export const DailyReportStatusEnum = graphqlEnum(
  DAILY_REPORT_STATUSES,
  'DailyReportStatus',
  'Where a unit stands with one report on one HQ day: on time, late (迟报), missing (漏报, the due time passed) or pending (not yet due).',
);

@ObjectType('DailyReportField', { description: 'One labelled field of a report type.' })
export class DailyReportFieldObject {
  @Field(() => String, { description: 'Stable key the values are stored under, e.g. absentStaff.' }) key!: string;
  @Field(() => String) label!: string;
  @Field(() => DailyReportFieldKindEnum) kind!: DailyReportFieldKind;
}

@ObjectType('DailyReportType', {
  description: 'A kind of daily report every member unit files each HQ day by its due time (日调度 by 16:00, 缺勤/健康日报 by 11:30…).',
})
export class DailyReportTypeObject {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'HQ wall-clock time (UTC+8) it is due by, HH:mm.' }) dueTime!: string;
  /** Its fields (the `fields` field resolver, with a page size the request cost counts). */
  fields!: DailyReportFieldObject[];
  @Field(() => String, { description: 'The first HQ day units are asked for it.' }) startsOn!: string;
  @Field(() => Boolean, { description: 'Only active types are asked for and alerted on.' }) active!: boolean;
  @Field(() => Int) sortOrder!: number;
  @Field(() => Int) version!: number;
}

@ObjectType('DailyReportValue', { description: 'One filled field of a report, with its label.' })
export class DailyReportValueObject {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => DailyReportFieldKindEnum) kind!: DailyReportFieldKind;
  @Field(() => Float, { nullable: true }) number!: number | null;
  @Field(() => String, { nullable: true }) text!: string | null;
}

@ObjectType('DailyReportOpenWork', { description: 'Work another module had open for the unit when it filed a zero report.' })
export class DailyReportOpenWorkObject {
  @Field(() => String, { description: 'The module, e.g. duty.' }) module!: string;
  @Field(() => String, { description: 'A stable word the console has a label for, e.g. forwardedCalls.' }) kind!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('DailyReportAmendment', { description: 'An amendment (更正) of a filed report: who, when, why, and both versions.' })
export class DailyReportAmendmentObject {
  @Field(() => ID) id!: string;
  @Field(() => Date) amendedAt!: Date;
  @Field(() => PersonRefType, { nullable: true }) amendedBy!: PersonRefType | null;
  @Field(() => String) reason!: string;
  @Field(() => Boolean) previousZero!: boolean;
  /** Field resolvers, paged for the request cost. */
  previousValues!: DailyReportValueObject[];
  @Field(() => String) previousNote!: string;
  @Field(() => Boolean) newZero!: boolean;
  newValues!: DailyReportValueObject[];
  @Field(() => String) newNote!: string;
}

@ObjectType('DailyReport', {
  description: '日报: one member unit’s report of one type for one HQ day, or its explicit zero report (零报告).',
})
export class DailyReportObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) typeId!: string;
  @Field(() => String) typeName!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
  @Field(() => String, { description: 'The HQ calendar day (UTC+8) it reports on, YYYY-MM-DD.' }) day!: string;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => PersonRefType, { nullable: true }) submittedBy!: PersonRefType | null;
  @Field(() => Boolean, { description: 'Filed after its due time (迟报).' }) late!: boolean;
  @Field(() => Boolean, { description: 'An explicit zero report: nothing to report today.' }) zero!: boolean;
  /** Its filled fields (the `values` field resolver). */
  values!: DailyReportValueObject[];
  @Field(() => String) note!: string;
  @Field(() => Boolean, {
    description:
      'A zero report filed while the unit had open work (forwarded calls, requisitions…): flagged for the coordinator (疑似瞒报).',
  })
  concealmentSuspect!: boolean;
  /** What other modules had open (the `openWork` field resolver). */
  openWork!: DailyReportOpenWorkObject[];
  @Field(() => Int) amendmentCount!: number;
  @Field(() => Date, { nullable: true }) lastAmendedAt!: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('DailyReportUnitRow', {
  description:
    'One member unit on the board of one report type and day; the report itself (its figures) is read with dailyReport or the roll-up.',
})
export class DailyReportUnitRowObject {
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitCode!: string;
  @Field(() => String) unitName!: string;
  @Field(() => DailyReportStatusEnum) status!: DailyReportStatus;
  @Field(() => ID, { nullable: true }) reportId!: string | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who filed it.' }) submittedByName!: string | null;
  @Field(() => Boolean) zero!: boolean;
  @Field(() => Boolean, { description: 'A zero report flagged as 疑似瞒报.' }) concealmentSuspect!: boolean;
  @Field(() => Int) amendmentCount!: number;
}

@ObjectType('DailyReportTotal', { description: 'The sum of one number field over the day’s reports (the roll-up).' })
export class DailyReportTotalObject {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Float) total!: number;
}

@ObjectType('DailyReportCounts')
export class DailyReportCountsObject {
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) missing!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int, { description: 'Of those reported, how many are zero reports.' }) zero!: number;
  @Field(() => Int, { description: 'Zero reports flagged as 疑似瞒报.' }) flagged!: number;
}

@ObjectType('DailyReportTypeBoard', { description: 'One report type on one HQ day: every unit’s standing, counts and totals.' })
export class DailyReportTypeBoardObject {
  @Field(() => DailyReportTypeObject) type!: DailyReportTypeObject;
  @Field(() => String) day!: string;
  @Field(() => Date) dueAt!: Date;
  /** Every visible unit's row (the `units` field resolver). */
  units!: DailyReportUnitRowObject[];
  @Field(() => DailyReportCountsObject) counts!: DailyReportCountsObject;
  /** The number fields' sums (the `totals` field resolver). */
  totals!: DailyReportTotalObject[];
}

@ObjectType('DailyReportRollup', { description: '工作动态: one type’s reports of one HQ day, with their figures and the totals, for HQ.' })
export class DailyReportRollupObject {
  @Field(() => DailyReportTypeObject) type!: DailyReportTypeObject;
  @Field(() => String) day!: string;
  @Field(() => Date) dueAt!: Date;
  @Field(() => DailyReportCountsObject) counts!: DailyReportCountsObject;
  /** The number fields' sums (field resolver). */
  totals!: DailyReportTotalObject[];
  /** Every filed report, units by code (field resolver). */
  reports!: DailyReportObject[];
  /** Units with no report (field resolver). */
  missing!: DailyReportUnitRowObject[];
}

@ObjectType('DailyReportBoard', { description: 'A day’s daily reports, per active type (a unit liaison sees their own unit only).' })
export class DailyReportBoardObject {
  @Field(() => String) day!: string;
  @Field(() => Date, { description: 'When the board was read (the server’s clock), for countdowns.' }) generatedAt!: Date;
  /** One per active type (field resolver). */
  types!: DailyReportTypeBoardObject[];
}

@ObjectType('DailyReportCalendarCell')
export class DailyReportCalendarCellObject {
  @Field(() => String) day!: string;
  @Field(() => DailyReportStatusEnum) status!: DailyReportStatus;
  @Field(() => Boolean) zero!: boolean;
  @Field(() => Boolean) flagged!: boolean;
}

@ObjectType('DailyReportCalendarRow', { description: 'One unit’s record over the days asked for.' })
export class DailyReportCalendarRowObject {
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitCode!: string;
  @Field(() => String) unitName!: string;
  /** One per day asked for (field resolver). */
  days!: DailyReportCalendarCellObject[];
}

@ObjectType('DailyReportCalendar', { description: 'Each unit’s record of one report type, day by day: on time, late, missing.' })
export class DailyReportCalendarObject {
  @Field(() => DailyReportTypeObject) type!: DailyReportTypeObject;
  @Field(() => [String]) days!: string[];
  /** One per visible unit (field resolver). */
  rows!: DailyReportCalendarRowObject[];
}

@ObjectType('DailyReportSignal', {
  description: 'What changed: a unit’s report of a type and day (report is it as it is now), or a report type (unitId and day null).',
})
export class DailyReportSignalObject {
  @Field(() => ID) typeId!: string;
  @Field(() => ID, { nullable: true }) unitId!: string | null;
  @Field(() => String, { nullable: true }) day!: string | null;
  @Field(() => DailyReportObject, { nullable: true }) report!: DailyReportObject | null;
}

@ObjectType('DailyReportChange', { description: 'One committed daily-report change; re-read the board or take the report.' })
export class DailyReportChangeObject extends ChangeOf(() => DailyReportSignalObject, 'signal') {}

// ------------------------------------------------------------------------------ inputs

@InputType('DailyReportFieldInput')
export class DailyReportFieldInput {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => DailyReportFieldKindEnum) kind!: DailyReportFieldKind;
}

@InputType({ description: 'A new report type every member unit will be asked for daily.' })
export class CreateDailyReportTypeInput {
  @Field(() => String, { description: 'Capital letters, digits and _, e.g. DAILY_PROGRESS.' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'HH:mm, HQ time (UTC+8).' }) dueTime!: string;
  @Field(() => [DailyReportFieldInput], { defaultValue: [] }) fields!: DailyReportFieldInput[];
  @Field(() => Int, { defaultValue: 0 }) sortOrder!: number;
}

@InputType({ description: 'Changes a report type; reports already filed keep the due time they were judged by.' })
export class UpdateDailyReportTypeInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you saw; a type changed since is refused with CONFLICT.' }) expectedVersion!: number;
  @Field(() => String) name!: string;
  @Field(() => String) dueTime!: string;
  @Field(() => [DailyReportFieldInput]) fields!: DailyReportFieldInput[];
  @Field(() => Boolean) active!: boolean;
  @Field(() => Int, { defaultValue: 0 }) sortOrder!: number;
}

@InputType('DailyReportValueInput', { description: 'One field’s value: number for a NUMBER field, text for a TEXT field.' })
export class DailyReportValueInput {
  @Field(() => String) key!: string;
  @Field(() => Int, { nullable: true }) number?: number | null;
  @Field(() => String, { nullable: true }) text?: string | null;
}

@InputType({ description: 'Files a unit’s report of one type for one HQ day, or its explicit zero report (零报告).' })
export class SubmitDailyReportInput {
  @Field(() => ID) typeId!: string;
  @Field(() => ID, { nullable: true, description: 'The unit; a liaison files for their own (may leave it out), a coordinator names it.' })
  unitId?: string | null;
  @Field(() => String, { nullable: true, description: 'The HQ day, YYYY-MM-DD; today at HQ when left out.' }) day?: string | null;
  @Field(() => Boolean, { description: 'True: nothing to report (零报告); then values must be empty.' }) zero!: boolean;
  @Field(() => [DailyReportValueInput], { defaultValue: [] }) values!: DailyReportValueInput[];
  @Field(() => String, { defaultValue: '' }) note!: string;
}

@InputType({ description: 'Amends (更正) a filed report: the new content and why; the previous version is kept.' })
export class AmendDailyReportInput {
  @Field(() => ID) reportId!: string;
  @Field(() => Int, { description: 'The version you saw.' }) expectedVersion!: number;
  @Field(() => Boolean) zero!: boolean;
  @Field(() => [DailyReportValueInput], { defaultValue: [] }) values!: DailyReportValueInput[];
  @Field(() => String, { defaultValue: '' }) note!: string;
  @Field(() => String, { description: 'Why it is amended; at most 500 characters.' }) reason!: string;
}
