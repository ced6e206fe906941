import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { REQUISITION_MAX_LINES, type RequisitionStatus } from '@cc/shared';
import type { Context } from '../../../core/context';
import { Allow } from '../../../core/graphql/allow';
import { EventPositionScalar } from '../../../core/graphql/scalars';
import { liveChanges, nullIfNotFound, type Change } from '../../../core/realtime/live-changes';
import type { EventRecord } from '../../../core/realtime/topics';
import type { Requisition, RequisitionLine } from './requisition.entity';
import { REQUISITION_TOPIC } from './requisition.events';
import { DecideRequisitionInput, FileRequisitionInput, WithdrawRequisitionInput } from './requisition.inputs';
import { requisitionPolicy } from './requisition.policy';
import type { RequisitionService } from './requisition.service';
import {
  RequisitionChangeType,
  RequisitionLineType,
  RequisitionStatusEnum,
  RequisitionType,
  ShipmentLineType,
  ShipmentType,
} from './requisition.types';
import type { Shipment, ShipmentLine } from './shipment.entity';

/** HQ sees every requisition's changes; a liaison only their unit's (the payload says which, no read). */
const requisitionChanges = liveChanges({
  operation: 'requisitionChanged',
  topic: REQUISITION_TOPIC,
  canSee: (viewer, event) => requisitionPolicy.canSee(viewer, event.payload.unitId),
});

/** Requisitions (防控物资申请审批单): filing, the officer's queue, decisions, the live stream. */
@Resolver()
export class RequisitionResolver {
  constructor(private readonly service: RequisitionService) {}

  @Allow('requisitions')
  @Query(() => [RequisitionType], {
    description: 'Requisitions: the queue (SUBMITTED) oldest first, others newest first. A unit liaison sees their own unit’s only.',
  })
  requisitions(
    @Ctx() ctx: Context,
    @Arg('status', () => [RequisitionStatusEnum], { nullable: true, description: 'Only these statuses; all when omitted.' })
    status: RequisitionStatus[] | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 500.' }) first: number,
  ): Promise<Requisition[]> {
    return this.service.list(ctx.em, ctx.viewer, { statuses: status, first });
  }

  @Allow('requisition')
  @Query(() => RequisitionType)
  requisition(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Requisition> {
    return this.service.get(ctx.em, ctx.viewer, id);
  }

  @Allow('fileRequisition')
  @Mutation(() => RequisitionType, {
    description: 'A unit liaison files a requisition for their own unit, attesting the unit head’s signature.',
  })
  fileRequisition(@Ctx() ctx: Context, @Arg('input', () => FileRequisitionInput) input: FileRequisitionInput): Promise<Requisition> {
    return this.service.file(ctx, input);
  }

  @Allow('withdrawRequisition')
  @Mutation(() => RequisitionType, { description: 'A unit liaison withdraws their unit’s requisition while it is undecided.' })
  withdrawRequisition(
    @Ctx() ctx: Context,
    @Arg('input', () => WithdrawRequisitionInput) input: WithdrawRequisitionInput,
  ): Promise<Requisition> {
    return this.service.withdraw(ctx, input);
  }

  @Allow('decideRequisition')
  @Mutation(() => RequisitionType, {
    description:
      'Logistics approves in full, in part, or rejects (reason required unless in full). Approved lines leave the nearest places with free stock on new dispatch orders, in the same transaction; short stock is refused with CONFLICT.',
  })
  decideRequisition(@Ctx() ctx: Context, @Arg('input', () => DecideRequisitionInput) input: DecideRequisitionInput): Promise<Requisition> {
    return this.service.decide(ctx, input);
  }

  @Allow('requisitionChanged')
  @Subscription(() => RequisitionChangeType, {
    nullable: true,
    description: 'Every committed requisition change after `after`, then live. A unit liaison receives only their unit’s.',
    subscribe: requisitionChanges.subscribe,
  })
  requisitionChanged(
    @Root() event: EventRecord<typeof REQUISITION_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<Requisition> | null> {
    return requisitionChanges.resolve(event, (e) => nullIfNotFound(this.service.get(ctx.em, ctx.viewer, e.entityId)));
  }
}

const lineLoaders = new WeakMap<EntityManager, DataLoader<string, RequisitionLine[]>>();
const shipmentLoaders = new WeakMap<EntityManager, DataLoader<string, Shipment[]>>();
const shipmentLineLoaders = new WeakMap<EntityManager, DataLoader<string, ShipmentLine[]>>();

function loader<T>(
  cache: WeakMap<EntityManager, DataLoader<string, T[]>>,
  em: EntityManager,
  load: (ids: readonly string[]) => Promise<T[]>,
  key: (row: T) => string,
): DataLoader<string, T[]> {
  let found = cache.get(em);
  if (!found) {
    found = new DataLoader(async (ids) => {
      const rows = await load(ids);
      return ids.map((id) => rows.filter((r) => key(r) === id));
    });
    cache.set(em, found);
  }
  return found;
}

@Resolver(() => RequisitionType)
export class RequisitionFields {
  constructor(private readonly service: RequisitionService) {}

  @FieldResolver(() => [RequisitionLineType])
  async lines(
    @Root() requisition: Requisition,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, {
      defaultValue: REQUISITION_MAX_LINES,
      description: `A requisition has at most ${REQUISITION_MAX_LINES} lines.`,
    })
    first: number,
  ): Promise<RequisitionLine[]> {
    const all = await loader(
      lineLoaders,
      ctx.em,
      (ids) => this.service.linesOf(ctx.em, ids),
      (l) => l.requisitionId,
    ).load(requisition.id);
    return all.slice(0, Math.max(first, 0));
  }

  @FieldResolver(() => [ShipmentType], {
    description: 'The dispatch orders carrying the approved supplies, one per source place, nearest first.',
  })
  async shipments(
    @Root() requisition: Requisition,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: 'One per source place; rarely more than a few.' }) first: number,
  ): Promise<Shipment[]> {
    const all = await loader(
      shipmentLoaders,
      ctx.em,
      (ids) => this.service.shipmentsOf(ctx.em, ids),
      (s) => s.requisitionId,
    ).load(requisition.id);
    return all.slice(0, Math.max(first, 0));
  }
}

@Resolver(() => ShipmentType)
export class ShipmentFields {
  constructor(private readonly service: RequisitionService) {}

  @FieldResolver(() => [ShipmentLineType], { description: 'The items this order carries.' })
  async lines(
    @Root() shipment: Shipment,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: REQUISITION_MAX_LINES, description: 'At most one per requisition line.' }) first: number,
  ): Promise<ShipmentLine[]> {
    const all = await loader(
      shipmentLineLoaders,
      ctx.em,
      (ids) => this.service.shipmentLinesOf(ctx.em, ids),
      (l) => l.shipmentId,
    ).load(shipment.id);
    return all.slice(0, Math.max(first, 0));
  }
}
