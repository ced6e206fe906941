import { hqDay } from '@cc/shared';
import { Arg, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { canSeeUnit } from '../../core/auth/unit-scope';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { DAILY_REPORT_TOPIC } from './daily-report.events';
import type { DailyReportService } from './daily-report.service';
import {
  AmendDailyReportInput,
  CreateDailyReportTypeInput,
  DailyReportBoardObject,
  DailyReportCalendarObject,
  DailyReportChangeObject,
  DailyReportObject,
  DailyReportRollupObject,
  DailyReportSignalObject,
  DailyReportTypeObject,
  SubmitDailyReportInput,
  UpdateDailyReportTypeInput,
} from './daily-report.types';
import { reportView, typeView } from './daily-report.view';

/** HQ sees every unit's reports live; a liaison only their own unit's (the payload says whose, no read). */
const dailyReportChanges = liveChanges({
  operation: 'dailyReportChanged',
  topic: DAILY_REPORT_TOPIC,
  canSee: (viewer, event) => event.payload.unitId === null || canSeeUnit(viewer, event.payload.unitId),
});

/** Daily reports (日报告 / 零报告): types, filing and amending, the board, calendar and the live stream. */
@Resolver()
export class DailyReportResolver {
  constructor(private readonly reports: DailyReportService) {}

  @Allow('dailyReportTypes')
  @Query(() => [DailyReportTypeObject], { description: 'The report types HQ asks for, by their order; inactive ones on request.' })
  async dailyReportTypes(
    @Ctx() ctx: Context,
    @Arg('includeInactive', () => Boolean, { defaultValue: false }) includeInactive: boolean,
  ): Promise<DailyReportTypeObject[]> {
    return (await this.reports.types(ctx.em, includeInactive)).map(typeView);
  }

  @Allow('dailyReportBoard')
  @Query(() => DailyReportBoardObject, {
    description:
      'One HQ day’s reports per active type, each unit’s standing, counts and totals (the roll-up). A liaison sees their own unit.',
  })
  dailyReportBoard(
    @Ctx() ctx: Context,
    @Arg('day', () => String, { nullable: true, description: 'YYYY-MM-DD; today at HQ when left out.' }) day?: string | null,
  ): Promise<DailyReportBoardObject> {
    const now = ctx.clock.now();
    return this.reports.board(ctx.em, ctx.viewer, day ?? hqDay(now), now);
  }

  @Allow('dailyReport')
  @Query(() => DailyReportObject)
  async dailyReport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<DailyReportObject> {
    const report = await this.reports.get(ctx.em, ctx.viewer, id);
    return reportView(report, await this.reports.type(ctx.em, report.typeId));
  }

  @Allow('dailyReportRollup')
  @Query(() => DailyReportRollupObject, {
    description:
      '工作动态: one report type’s reports of one HQ day with their figures and totals, and who has not filed; a liaison sees their own.',
  })
  dailyReportRollup(
    @Ctx() ctx: Context,
    @Arg('typeId', () => ID) typeId: string,
    @Arg('day', () => String, { nullable: true, description: 'YYYY-MM-DD; today at HQ when left out.' }) day?: string | null,
  ): Promise<DailyReportRollupObject> {
    const now = ctx.clock.now();
    return this.reports.rollup(ctx.em, ctx.viewer, typeId, day ?? hqDay(now), now);
  }

  @Allow('dailyReportCalendar')
  @Query(() => DailyReportCalendarObject, { description: 'Each unit’s record of one report type over at most 62 HQ days.' })
  dailyReportCalendar(
    @Ctx() ctx: Context,
    @Arg('typeId', () => ID) typeId: string,
    @Arg('from', () => String, { description: 'First HQ day, YYYY-MM-DD.' }) from: string,
    @Arg('to', () => String, { description: 'Last HQ day, YYYY-MM-DD.' }) to: string,
  ): Promise<DailyReportCalendarObject> {
    return this.reports.calendar(ctx.em, ctx.viewer, typeId, from, to, ctx.clock.now());
  }

  @Allow('createDailyReportType')
  @Mutation(() => DailyReportTypeObject, { description: 'Asks every member unit for a new daily report, due daily by its time (HQ).' })
  async createDailyReportType(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateDailyReportTypeInput) input: CreateDailyReportTypeInput,
  ): Promise<DailyReportTypeObject> {
    return typeView(await this.reports.createType(ctx, input));
  }

  @Allow('updateDailyReportType')
  @Mutation(() => DailyReportTypeObject, { description: 'Changes a report type’s name, due time, fields or whether it is asked for.' })
  async updateDailyReportType(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateDailyReportTypeInput) input: UpdateDailyReportTypeInput,
  ): Promise<DailyReportTypeObject> {
    return typeView(await this.reports.updateType(ctx, input));
  }

  @Allow('submitDailyReport')
  @Mutation(() => DailyReportObject, {
    description:
      'Files a unit’s report of one type for one HQ day, or its zero report (零报告). One per unit, type and day: a second is refused with CONFLICT (reason daily_report/already_filed); amend the first instead.',
  })
  async submitDailyReport(
    @Ctx() ctx: Context,
    @Arg('input', () => SubmitDailyReportInput) input: SubmitDailyReportInput,
  ): Promise<DailyReportObject> {
    const report = await this.reports.submit(ctx, input);
    return reportView(report, await this.reports.type(ctx.em, report.typeId));
  }

  @Allow('amendDailyReport')
  @Mutation(() => DailyReportObject, { description: 'Amends (更正) a filed report with a reason; the previous version is kept.' })
  async amendDailyReport(
    @Ctx() ctx: Context,
    @Arg('input', () => AmendDailyReportInput) input: AmendDailyReportInput,
  ): Promise<DailyReportObject> {
    const report = await this.reports.amend(ctx, input);
    return reportView(report, await this.reports.type(ctx.em, report.typeId));
  }

  @Allow('dailyReportChanged')
  @Subscription(() => DailyReportChangeObject, {
    nullable: true,
    description: 'Every committed daily-report change after `after`, then live. A unit liaison receives only their own unit’s.',
    subscribe: dailyReportChanges.subscribe,
  })
  dailyReportChanged(
    @Root() event: EventRecord<typeof DAILY_REPORT_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<DailyReportSignalObject> | null> {
    return dailyReportChanges.resolve(event, async (e) => {
      const { typeId, unitId, day } = e.payload;
      if (unitId === null) return { typeId, unitId, day, report: null };
      const report = await nullIfNotFound(this.reports.get(ctx.em, ctx.viewer, e.entityId));
      if (!report) return null;
      return { typeId, unitId, day, report: reportView(report, await this.reports.type(ctx.em, report.typeId)) };
    });
  }
}
