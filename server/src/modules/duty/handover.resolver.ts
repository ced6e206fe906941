import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { PersonRefType } from '../incidents/incident.types';
import type { ShiftHandover } from './handover.entity';
import { SHIFT_HANDOVER_TOPIC } from './handover.events';
import type { ShiftHandoverService } from './handover.service';
import {
  GenerateShiftHandoverInput,
  HandoverItemType,
  ShiftHandoverChangeType,
  ShiftHandoverType,
  SignShiftHandoverInput,
  UpdateShiftHandoverNoteInput,
} from './handover.types';

const shiftHandoverChanges = liveChanges({ operation: 'shiftHandoverChanged', topic: SHIFT_HANDOVER_TOPIC });

/** The shift handover (交接班): generate, edit the note, sign; the list and the live stream. */
@Resolver()
export class ShiftHandoverResolver {
  constructor(private readonly handovers: ShiftHandoverService) {}

  @Allow('shiftHandovers')
  @Query(() => [ShiftHandoverType], { description: 'Handovers, newest first.' })
  shiftHandovers(@Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 20, description: 'At most 200.' }) first: number) {
    return this.handovers.list(ctx.em, first);
  }

  @Allow('shiftHandover')
  @Query(() => ShiftHandoverType)
  shiftHandover(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ShiftHandover> {
    return this.handovers.get(ctx.em, id);
  }

  @Allow('currentShiftHandover')
  @Query(() => ShiftHandoverType, { nullable: true, description: 'The handover in the making (not yet signed by both), if any.' })
  currentShiftHandover(@Ctx() ctx: Context): Promise<ShiftHandover | null> {
    return this.handovers.current(ctx.em);
  }

  @Allow('generateShiftHandover')
  @Mutation(() => ShiftHandoverType, {
    description:
      'Gathers every module’s open items into the current shift’s handover (a new draft, or the unsigned draft refreshed). Refused with CONFLICT once someone has signed it.',
  })
  generateShiftHandover(
    @Ctx() ctx: Context,
    @Arg('input', () => GenerateShiftHandoverInput, { defaultValue: {} }) input: GenerateShiftHandoverInput,
  ): Promise<ShiftHandover> {
    return this.handovers.generate(ctx, input);
  }

  @Allow('updateShiftHandoverNote')
  @Mutation(() => ShiftHandoverType, { description: 'Edits the free-text note, until someone signs.' })
  updateShiftHandoverNote(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateShiftHandoverNoteInput) input: UpdateShiftHandoverNoteInput,
  ): Promise<ShiftHandover> {
    return this.handovers.updateNote(ctx, input);
  }

  @Allow('signShiftHandover')
  @Mutation(() => ShiftHandoverType, {
    description:
      'Signs as the outgoing (交班人) or incoming officer (接班人); the same person cannot sign both (CONFLICT, reason handover/same_signer). Both signed closes it.',
  })
  signShiftHandover(
    @Ctx() ctx: Context,
    @Arg('input', () => SignShiftHandoverInput) input: SignShiftHandoverInput,
  ): Promise<ShiftHandover> {
    return this.handovers.sign(ctx, input);
  }

  @Allow('shiftHandoverChanged')
  @Subscription(() => ShiftHandoverChangeType, {
    nullable: true,
    description: 'Every committed handover change after `after`, then live.',
    subscribe: shiftHandoverChanges.subscribe,
  })
  shiftHandoverChanged(
    @Root() event: EventRecord<typeof SHIFT_HANDOVER_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<ShiftHandover> | null> {
    return shiftHandoverChanges.resolve(event, (e) => nullIfNotFound(this.handovers.get(ctx.em, e.entityId)));
  }
}

const person = (id: string | null | undefined, displayName: string): PersonRefType | null => (id ? { id, displayName } : null);

@Resolver(() => ShiftHandoverType)
export class ShiftHandoverFields {
  @FieldResolver(() => [HandoverItemType], { description: 'The open items, most severe first.' })
  items(@Root() handover: ShiftHandover): HandoverItemType[] {
    return handover.items.map((item) => ({ ...item, dueAt: item.dueAt ? new Date(item.dueAt) : null }));
  }

  @FieldResolver(() => PersonRefType, { nullable: true })
  generatedBy(@Root() h: ShiftHandover): PersonRefType | null {
    return person(h.generatedById, h.generatedByName);
  }

  @FieldResolver(() => PersonRefType, { nullable: true, description: '交班人.' })
  outgoingSignedBy(@Root() h: ShiftHandover): PersonRefType | null {
    return person(h.outgoingSignedById, h.outgoingSignedByName);
  }

  @FieldResolver(() => PersonRefType, { nullable: true, description: '接班人.' })
  incomingSignedBy(@Root() h: ShiftHandover): PersonRefType | null {
    return person(h.incomingSignedById, h.incomingSignedByName);
  }
}
