import { Arg, Ctx, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { DUTY_SHIFT_TOPIC } from './duty.events';
import { CreateDutyShiftInput, DutyShiftRefInput, UpdateDutyShiftInput } from './roster.inputs';
import type { DutyShiftView, RosterService } from './roster.service';
import { DutyRosterPersonType, DutyShiftChangeType, DutyShiftType } from './roster.types';

/** Every HQ role sees the whole roster. */
const shiftChanges = liveChanges({ operation: 'dutyShiftChanged', topic: DUTY_SHIFT_TOPIC });

/** 排班表: the roster's reads, its planning, check-in, and its live changes. */
@Resolver()
export class RosterResolver {
  constructor(private readonly roster: RosterService) {}

  @Allow('dutyRoster')
  @Query(() => [DutyShiftType], { description: 'The shifts overlapping [from, to) (at most 31 days), by start.' })
  dutyRoster(
    @Ctx() ctx: Context,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('limit', () => Int, { defaultValue: 60, description: 'At most 200 shifts; a week of three shifts a day is 21.' }) limit: number,
  ): Promise<DutyShiftView[]> {
    return this.roster.roster(ctx.em, from, to, limit);
  }

  @Allow('dutyRosterPeople')
  @Query(() => [DutyRosterPersonType], { description: 'Active HQ staff who may be put on a shift; leaders marked.' })
  dutyRosterPeople(@Ctx() ctx: Context): Promise<DutyRosterPersonType[]> {
    return this.roster.candidates(ctx.em);
  }

  @Allow('createDutyShift')
  @Mutation(() => DutyShiftType, { description: 'Plans a shift; shifts may overlap, a person is on one shift once.' })
  createDutyShift(@Ctx() ctx: Context, @Arg('input', () => CreateDutyShiftInput) input: CreateDutyShiftInput): Promise<DutyShiftView> {
    return this.roster.create(ctx, input);
  }

  @Allow('updateDutyShift')
  @Mutation(() => DutyShiftType)
  updateDutyShift(@Ctx() ctx: Context, @Arg('input', () => UpdateDutyShiftInput) input: UpdateDutyShiftInput): Promise<DutyShiftView> {
    return this.roster.update(ctx, input);
  }

  @Allow('deleteDutyShift')
  @Mutation(() => DutyShiftType, { description: 'Removes a shift nobody has checked in to; returns it marked deleted.' })
  deleteDutyShift(@Ctx() ctx: Context, @Arg('input', () => DutyShiftRefInput) input: DutyShiftRefInput): Promise<DutyShiftView> {
    return this.roster.remove(ctx, input.shiftId);
  }

  @Allow('checkInDutyShift')
  @Mutation(() => DutyShiftType, { description: '签到: the signed-in member checks in, from 30 minutes before the start to the end.' })
  checkInDutyShift(@Ctx() ctx: Context, @Arg('input', () => DutyShiftRefInput) input: DutyShiftRefInput): Promise<DutyShiftView> {
    return this.roster.checkIn(ctx, input.shiftId);
  }

  @Allow('dutyShiftChanged')
  @Subscription(() => DutyShiftChangeType, {
    nullable: true,
    description: 'Every committed roster change after `after` (replayed), then live; a removed shift comes marked deleted.',
    subscribe: shiftChanges.subscribe,
  })
  dutyShiftChanged(
    @Root() event: EventRecord<typeof DUTY_SHIFT_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<DutyShiftView> | null> {
    return shiftChanges.resolve(event, async (e) => (await this.roster.shift(ctx.em, e.entityId)) ?? tombstone(e));
  }
}

/** A shift that no longer exists, as its last event describes it: the console drops it. */
function tombstone(event: EventRecord<typeof DUTY_SHIFT_TOPIC>): DutyShiftView {
  return {
    id: event.entityId,
    startsAt: new Date(event.payload.startsAt),
    endsAt: new Date(event.payload.endsAt),
    note: '',
    version: 0,
    members: [],
    deleted: true,
  };
}
