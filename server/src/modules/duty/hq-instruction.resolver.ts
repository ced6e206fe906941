import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import { MemberUnitType } from '../identity/identity.types';
import type { MemberUnit } from '../identity/member-unit.entity';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { HqInstruction, HqInstructionDelivery } from './hq-instruction.entity';
import { HQ_INSTRUCTION_TOPIC } from './hq-instruction.events';
import { hqInstructionPolicy } from './hq-instruction.policy';
import { MAX_TARGETS } from './hq-instruction.rules';
import type { HqInstructionService } from './hq-instruction.service';
import {
  AcknowledgeHqInstructionInput,
  HqInstructionChangeType,
  HqInstructionDeliveryType,
  HqInstructionType,
  PersonRefType,
  RecordHqInstructionInput,
} from './hq-instruction.types';

/** HQ sees every instruction; a unit liaison only those delivered to their unit (the payload says which, no read). */
const hqInstructionChanges = liveChanges({
  operation: 'hqInstructionChanged',
  topic: HQ_INSTRUCTION_TOPIC,
  canSee: (viewer, event) => hqInstructionPolicy.canSee(viewer, event.payload.targetUnitIds),
});

/** HQ instructions (传达): recording and distributing, signing for a copy, the list and the live stream. */
@Resolver()
export class HqInstructionResolver {
  constructor(
    private readonly instructions: HqInstructionService,
    private readonly units: MemberUnitService,
  ) {}

  @Allow('hqInstructionUnits')
  @Query(() => [MemberUnitType], { description: 'The active member units an instruction may be distributed to, by code.' })
  async hqInstructionUnits(@Ctx() ctx: Context): Promise<MemberUnit[]> {
    return (await this.units.list(ctx.em)).filter((unit) => unit.active);
  }

  @Allow('hqInstructions')
  @Query(() => [HqInstructionType], {
    description: 'HQ instructions, newest received first; a unit liaison sees those delivered to their unit.',
  })
  hqInstructions(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('onlyOpen', () => Boolean, { defaultValue: false, description: 'Only those some target has not signed for yet.' })
    onlyOpen: boolean,
  ): Promise<HqInstruction[]> {
    return this.instructions.list(ctx.em, ctx.viewer, { first, offset, onlyOpen });
  }

  @Allow('hqInstruction')
  @Query(() => HqInstructionType)
  hqInstruction(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<HqInstruction> {
    return this.instructions.get(ctx.em, ctx.viewer, id);
  }

  @Allow('recordHqInstruction')
  @Mutation(() => HqInstructionType, {
    description: 'Records a new instruction from HQ and distributes it: one copy per working group or member unit.',
  })
  recordHqInstruction(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordHqInstructionInput) input: RecordHqInstructionInput,
  ): Promise<HqInstruction> {
    return this.instructions.record(ctx, input);
  }

  @Allow('acknowledgeHqInstruction')
  @Mutation(() => HqInstructionType, {
    description:
      'Signs for (签收) one copy: someone of its working group, its unit’s liaison, or a leader. A copy already signed for is refused with CONFLICT naming who.',
  })
  acknowledgeHqInstruction(
    @Ctx() ctx: Context,
    @Arg('input', () => AcknowledgeHqInstructionInput) input: AcknowledgeHqInstructionInput,
  ): Promise<HqInstruction> {
    return this.instructions.acknowledge(ctx, input);
  }

  @Allow('hqInstructionChanged')
  @Subscription(() => HqInstructionChangeType, {
    nullable: true,
    description: 'Every committed instruction change after `after`, then live. A unit liaison receives only those delivered to their unit.',
    subscribe: hqInstructionChanges.subscribe,
  })
  hqInstructionChanged(
    @Root() event: EventRecord<typeof HQ_INSTRUCTION_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<HqInstruction> | null> {
    return hqInstructionChanges.resolve(event, (e) => nullIfNotFound(this.instructions.get(ctx.em, ctx.viewer, e.entityId)));
  }
}

const loaders = new WeakMap<EntityManager, DataLoader<string, HqInstructionDelivery[]>>();

/** An instruction's deliveries, batched per request: a list of 50 instructions costs one query. */
function deliveriesLoader(em: EntityManager, service: HqInstructionService): DataLoader<string, HqInstructionDelivery[]> {
  let loader = loaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await service.deliveriesOf(em, ids);
      return ids.map((id) => rows.filter((r) => r.instructionId === id));
    });
    loaders.set(em, loader);
  }
  return loader;
}

@Resolver(() => HqInstructionType)
export class HqInstructionFields {
  constructor(private readonly instructions: HqInstructionService) {}

  @FieldResolver(() => [HqInstructionDeliveryType], { description: 'One per target: working groups first, then member units.' })
  async deliveries(
    @Root() instruction: HqInstruction,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: MAX_TARGETS, description: `An instruction has at most ${MAX_TARGETS} targets.` })
    first: number,
  ): Promise<HqInstructionDelivery[]> {
    const all = (await deliveriesLoader(ctx.em, this.instructions).load(instruction.id)).slice(0, Math.max(first, 0));
    // A liaison sees their own unit's copy only; who else it went to is HQ's business.
    if (hqInstructionPolicy.seesAll(ctx.viewer)) return all;
    const unitId = hqInstructionPolicy.unitOf(ctx.viewer);
    return all.filter((d) => d.targetUnitId !== null && d.targetUnitId === unitId);
  }

  @FieldResolver(() => PersonRefType, { nullable: true, description: 'The duty officer who recorded it.' })
  recordedBy(@Root() instruction: HqInstruction): PersonRefType | null {
    return instruction.recordedById ? { id: instruction.recordedById, displayName: instruction.recordedByName } : null;
  }
}

@Resolver(() => HqInstructionDeliveryType)
export class HqInstructionDeliveryFields {
  @FieldResolver(() => PersonRefType, { nullable: true })
  acknowledgedBy(@Root() delivery: HqInstructionDelivery): PersonRefType | null {
    return delivery.acknowledgedById ? { id: delivery.acknowledgedById, displayName: delivery.acknowledgedByName } : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may sign for this copy now (not yet signed, and theirs to sign).' })
  canAcknowledge(@Root() delivery: HqInstructionDelivery, @Ctx() ctx: Context): boolean {
    return delivery.acknowledgedAt === null && hqInstructionPolicy.canAcknowledge(ctx.viewer, delivery);
  }
}
