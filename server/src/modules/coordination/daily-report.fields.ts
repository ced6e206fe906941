import { DAILY_REPORT_LIMITS } from '@cc/shared';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import type { DailyReportService } from './daily-report.service';
import {
  DailyReportAmendmentObject,
  DailyReportBoardObject,
  DailyReportCalendarCellObject,
  DailyReportCalendarObject,
  DailyReportCalendarRowObject,
  DailyReportFieldObject,
  DailyReportObject,
  DailyReportOpenWorkObject,
  DailyReportRollupObject,
  DailyReportTotalObject,
  DailyReportTypeBoardObject,
  DailyReportTypeObject,
  DailyReportUnitRowObject,
  DailyReportValueObject,
} from './daily-report.types';
import { amendmentView } from './daily-report.view';

/**
 * The lists inside daily-report objects, each with a page size: the request cost (core/graphql/
 * cost.ts) counts a list without one as 100 records, so the board's lists nested in lists would
 * be refused although a type has at most 20 fields and HQ a few dozen units.
 */
const page = <T>(list: readonly T[], first: number): T[] => list.slice(0, Math.max(first, 0));

const FIELDS = DAILY_REPORT_LIMITS.fields;
/** Member units a board or roll-up lists at most. */
const UNITS = 200;
/** Report types a board shows at most. */
const TYPES = 10;

@Resolver(() => DailyReportTypeObject)
export class DailyReportTypeFields {
  @FieldResolver(() => [DailyReportFieldObject], { description: `Its labelled fields, at most ${FIELDS}.` })
  fields(@Root() type: DailyReportTypeObject, @Arg('first', () => Int, { defaultValue: FIELDS }) first: number) {
    return page(type.fields, first);
  }
}

@Resolver(() => DailyReportObject)
export class DailyReportFields {
  constructor(private readonly reports: DailyReportService) {}

  @FieldResolver(() => [DailyReportValueObject], { description: 'Its filled fields, in the type’s order.' })
  values(@Root() report: DailyReportObject, @Arg('first', () => Int, { defaultValue: FIELDS }) first: number) {
    return page(report.values, first);
  }

  @FieldResolver(() => [DailyReportOpenWorkObject], {
    description: 'What other modules had open for the unit when a zero report was filed.',
  })
  openWork(@Root() report: DailyReportObject, @Arg('first', () => Int, { defaultValue: 10 }) first: number) {
    return page(report.openWork, first);
  }

  @FieldResolver(() => [DailyReportAmendmentObject], { description: 'Its amendments, oldest first.' })
  async amendments(
    @Root() report: DailyReportObject,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): Promise<DailyReportAmendmentObject[]> {
    if (report.amendmentCount === 0) return [];
    const type = await this.reports.type(ctx.em, report.typeId);
    return page(await this.reports.amendments(ctx.em, report.id), first).map((a) => amendmentView(a, type));
  }
}

@Resolver(() => DailyReportAmendmentObject)
export class DailyReportAmendmentFields {
  @FieldResolver(() => [DailyReportValueObject])
  previousValues(@Root() a: DailyReportAmendmentObject, @Arg('first', () => Int, { defaultValue: FIELDS }) first: number) {
    return page(a.previousValues, first);
  }

  @FieldResolver(() => [DailyReportValueObject])
  newValues(@Root() a: DailyReportAmendmentObject, @Arg('first', () => Int, { defaultValue: FIELDS }) first: number) {
    return page(a.newValues, first);
  }
}

@Resolver(() => DailyReportBoardObject)
export class DailyReportBoardFields {
  @FieldResolver(() => [DailyReportTypeBoardObject], { description: 'One per active report type, in their order.' })
  types(@Root() board: DailyReportBoardObject, @Arg('first', () => Int, { defaultValue: TYPES }) first: number) {
    return page(board.types, first);
  }
}

@Resolver(() => DailyReportTypeBoardObject)
export class DailyReportTypeBoardFields {
  @FieldResolver(() => [DailyReportUnitRowObject], { description: 'Every member unit the viewer may see, by code.' })
  units(@Root() board: DailyReportTypeBoardObject, @Arg('first', () => Int, { defaultValue: UNITS }) first: number) {
    return page(board.units, first);
  }

  @FieldResolver(() => [DailyReportTotalObject], { description: 'The sum of each number field over the day’s reports.' })
  totals(@Root() board: DailyReportTypeBoardObject, @Arg('first', () => Int, { defaultValue: FIELDS }) first: number) {
    return page(board.totals, first);
  }
}

@Resolver(() => DailyReportRollupObject)
export class DailyReportRollupFields {
  @FieldResolver(() => [DailyReportTotalObject], { description: 'The sum of each number field over the day’s reports.' })
  totals(@Root() rollup: DailyReportRollupObject, @Arg('first', () => Int, { defaultValue: FIELDS }) first: number) {
    return page(rollup.totals, first);
  }

  @FieldResolver(() => [DailyReportObject], { description: 'Every filed report, units by code.' })
  reports(@Root() rollup: DailyReportRollupObject, @Arg('first', () => Int, { defaultValue: UNITS }) first: number) {
    return page(rollup.reports, first);
  }

  @FieldResolver(() => [DailyReportUnitRowObject], { description: 'The units with no report (missing, or not yet due).' })
  missing(@Root() rollup: DailyReportRollupObject, @Arg('first', () => Int, { defaultValue: UNITS }) first: number) {
    return page(rollup.missing, first);
  }
}

@Resolver(() => DailyReportCalendarObject)
export class DailyReportCalendarFields {
  @FieldResolver(() => [DailyReportCalendarRowObject], { description: 'One per member unit the viewer may see, by code.' })
  rows(@Root() calendar: DailyReportCalendarObject, @Arg('first', () => Int, { defaultValue: 100 }) first: number) {
    return page(calendar.rows, first);
  }
}

@Resolver(() => DailyReportCalendarRowObject)
export class DailyReportCalendarRowFields {
  @FieldResolver(() => [DailyReportCalendarCellObject], { description: 'One per day asked for.' })
  days(@Root() row: DailyReportCalendarRowObject, @Arg('first', () => Int, { defaultValue: 62 }) first: number) {
    return page(row.days, first);
  }
}
