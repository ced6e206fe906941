import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { hqDay, type SupplyDayTimes } from '@cc/shared';
import type { Context } from '../../../core/context';
import { Allow } from '../../../core/graphql/allow';
import { EventPositionScalar } from '../../../core/graphql/scalars';
import { liveChanges, type Change } from '../../../core/realtime/live-changes';
import type { EventRecord } from '../../../core/realtime/topics';
import type { AllocationPlan } from './allocation-plan.entity';
import type { AllocationPlanLineView, SupplyDayService, SupplyDayState } from './allocation-plan.service';
import { SUPPLY_DAY_TOPIC } from './supply-day.events';
import type { SupplyDaySummary } from './supply-day.entity';
import type { SupplySummary, SupplySummaryService } from './supply-summary.service';
import {
  AllocationPlanLineType,
  AllocationPlanType,
  ApproveAllocationPlanInput,
  EditAllocationPlanInput,
  MarkSupplySummaryReadyInput,
  ProposeAllocationPlanInput,
  SupplyDayChangeType,
  SupplyDayTimesInput,
  SupplyDayTimesType,
  SupplyDayType,
  SupplySummaryType,
} from './supply-day.types';

/** Every HQ role sees the supply day (one picture); no unit scope: it holds no unit's own records but names. */
const supplyDayChanges = liveChanges({ operation: 'supplyDayChanged', topic: SUPPLY_DAY_TOPIC, canSee: () => true });

type SupplyDayView = Omit<SupplyDayState, 'deadlines'> & {
  id: string;
  deadlines: { needsBy: Date; planApprovedBy: Date; deliveredBy: Date; summaryBy: Date };
};

function view(state: SupplyDayState): SupplyDayView {
  const d = state.deadlines;
  return {
    ...state,
    id: state.day,
    deadlines: { needsBy: d.NEEDS, planApprovedBy: d.PLAN_APPROVED, deliveredBy: d.DELIVERED, summaryBy: d.SUMMARY },
  };
}

/** The supply day: its deadlines and countdowns, the daily allocation plan, the 17:30 summary. */
@Resolver()
export class SupplyDayResolver {
  constructor(
    private readonly days: SupplyDayService,
    private readonly summaries: SupplySummaryService,
  ) {}

  @Allow('supplyDay')
  @Query(() => SupplyDayType, {
    description: 'An HQ day of supply (today when omitted): deadlines, plan, deliveries, summary, missed steps.',
  })
  async supplyDay(@Ctx() ctx: Context, @Arg('day', () => String, { nullable: true }) day?: string | null): Promise<SupplyDayView> {
    const now = ctx.clock.now();
    return view(await this.days.state(ctx.em, day ?? hqDay(now), now));
  }

  @Allow('supplySummary')
  @Query(() => SupplySummaryType, {
    description: 'The day’s supply summary (today when omitted), for HQ and the oversight role (纪委备案).',
  })
  supplySummary(@Ctx() ctx: Context, @Arg('day', () => String, { nullable: true }) day?: string | null): Promise<SupplySummary> {
    return this.summaries.summary(ctx.em, day ?? hqDay(ctx.clock.now()));
  }

  @Allow('setSupplyDayTimes')
  @Mutation(() => SupplyDayTimesType, { description: 'Sets the supply day’s deadlines (HQ time HH:mm, in the day’s order).' })
  setSupplyDayTimes(@Ctx() ctx: Context, @Arg('input', () => SupplyDayTimesInput) input: SupplyDayTimesInput): Promise<SupplyDayTimes> {
    return this.days.setTimes(ctx, input);
  }

  @Allow('proposeAllocationPlan')
  @Mutation(() => AllocationPlanType, {
    description:
      'Proposes (again, while a draft) the day’s allocation plan by the four principles, from the needs received by the cut-off.',
  })
  proposeAllocationPlan(
    @Ctx() ctx: Context,
    @Arg('input', () => ProposeAllocationPlanInput) input: ProposeAllocationPlanInput,
  ): Promise<AllocationPlan> {
    return this.days.propose(ctx, input);
  }

  @Allow('editAllocationPlan')
  @Mutation(() => AllocationPlanType, { description: 'Logistics edits the draft plan’s quantities.' })
  editAllocationPlan(
    @Ctx() ctx: Context,
    @Arg('input', () => EditAllocationPlanInput) input: EditAllocationPlanInput,
  ): Promise<AllocationPlan> {
    return this.days.editLines(ctx, input);
  }

  @Allow('approveAllocationPlan')
  @Mutation(() => AllocationPlanType, {
    description:
      'A leader (not its author) approves the plan: its requisitions are decided and shipped on dispatch orders, in one transaction.',
  })
  approveAllocationPlan(
    @Ctx() ctx: Context,
    @Arg('input', () => ApproveAllocationPlanInput) input: ApproveAllocationPlanInput,
  ): Promise<AllocationPlan> {
    return this.days.approve(ctx, input);
  }

  @Allow('markSupplySummaryReady')
  @Mutation(() => SupplyDayType, { description: 'The day’s summary was reported to HQ and filed (纪委备案).' })
  async markSupplySummaryReady(
    @Ctx() ctx: Context,
    @Arg('input', () => MarkSupplySummaryReadyInput) input: MarkSupplySummaryReadyInput,
  ): Promise<SupplyDayView> {
    const summary: SupplyDaySummary = await this.days.markSummaryReady(ctx, input);
    return view(await this.days.state(ctx.em, summary.day, ctx.clock.now()));
  }

  @Allow('supplyDayChanged')
  @Subscription(() => SupplyDayChangeType, {
    nullable: true,
    description: 'Every committed change of a supply day after `after`, then live.',
    subscribe: supplyDayChanges.subscribe,
  })
  supplyDayChanged(
    @Root() event: EventRecord<typeof SUPPLY_DAY_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<SupplyDayView> | null> {
    return supplyDayChanges.resolve(event, async (e) => view(await this.days.state(ctx.em, e.payload.day, ctx.clock.now())));
  }
}

@Resolver(() => AllocationPlanType)
export class AllocationPlanFields {
  constructor(private readonly days: SupplyDayService) {}

  @FieldResolver(() => [AllocationPlanLineType], { description: 'The takes in the order needs are served.' })
  async lines(
    @Root() plan: AllocationPlan,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 300, description: 'A day’s plan rarely has more takes.' }) first: number,
  ): Promise<AllocationPlanLineView[]> {
    return (await this.days.planLineViews(ctx.em, plan.id)).slice(0, Math.max(first, 0));
  }
}
