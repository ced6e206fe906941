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
import { DIRECTIVE_TOPIC } from './coordination.events';
import {
  CreateDirectiveInput,
  DirectiveAssigneeType,
  DirectiveChangeType,
  DirectiveFilterInput,
  DirectiveProgressType,
  DirectiveStepInput,
  DirectiveType,
  PersonRefType,
} from './coordination.types';
import type { Directive, DirectiveAssignee, DirectiveProgress } from './directive.entity';
import { directivePolicy } from './directive.policy';
import { isDirectiveOverdue, MAX_ASSIGNEES } from './directive.rules';
import type { DirectiveService } from './directive.service';

/** HQ sees every directive; a unit liaison only those assigned to their unit (the payload says which, no read). */
const directiveChanges = liveChanges({
  operation: 'directiveChanged',
  topic: DIRECTIVE_TOPIC,
  canSee: (viewer, event) => directivePolicy.canSee(viewer, event.payload.targetUnitIds),
});

/** Directives (交办事项): assigning, each assignee's steps, the board and the live stream. */
@Resolver()
export class DirectiveResolver {
  constructor(
    private readonly service: DirectiveService,
    private readonly units: MemberUnitService,
  ) {}

  @Allow('directiveUnits')
  @Query(() => [MemberUnitType], { description: 'The active member units a directive may be assigned to.' })
  async directiveUnits(@Ctx() ctx: Context): Promise<MemberUnit[]> {
    return (await this.units.list(ctx.em)).filter((unit) => unit.active);
  }

  @Allow('directives')
  @Query(() => [DirectiveType], {
    description: 'The directives board: open ones first by deadline. A unit liaison sees those assigned to their unit.',
  })
  directives(
    @Ctx() ctx: Context,
    @Arg('filter', () => DirectiveFilterInput, { nullable: true }) filter: DirectiveFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 200.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<Directive[]> {
    return this.service.list(
      ctx.em,
      ctx.viewer,
      {
        first,
        offset,
        onlyOpen: filter?.onlyOpen ?? false,
        onlyOverdue: filter?.onlyOverdue ?? false,
        group: filter?.group ?? null,
        unitId: filter?.unitId ?? null,
      },
      ctx.clock.now(),
    );
  }

  @Allow('directive')
  @Query(() => DirectiveType)
  directive(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Directive> {
    return this.service.get(ctx.em, ctx.viewer, id);
  }

  @Allow('createDirective')
  @Mutation(() => DirectiveType, {
    description: 'Assigns a new directive to working groups and/or member units; may keep the HQ instruction or duty call it came from.',
  })
  createDirective(@Ctx() ctx: Context, @Arg('input', () => CreateDirectiveInput) input: CreateDirectiveInput): Promise<Directive> {
    return this.service.create(ctx, input);
  }

  @Allow('acceptDirective')
  @Mutation(() => DirectiveType, { description: 'An assignee accepts (接收) its assignment. Refused with CONFLICT when already accepted.' })
  acceptDirective(@Ctx() ctx: Context, @Arg('input', () => DirectiveStepInput) input: DirectiveStepInput): Promise<Directive> {
    return this.service.step(ctx, 'ACCEPTED', input);
  }

  @Allow('reportDirectiveProgress')
  @Mutation(() => DirectiveType, { description: 'An assignee reports progress (进展) with a note, after accepting and before finishing.' })
  reportDirectiveProgress(@Ctx() ctx: Context, @Arg('input', () => DirectiveStepInput) input: DirectiveStepInput): Promise<Directive> {
    return this.service.step(ctx, 'PROGRESS', input);
  }

  @Allow('finishDirective')
  @Mutation(() => DirectiveType, {
    description: 'An assignee finishes (办结) its assignment; the directive completes when every assignee has.',
  })
  finishDirective(@Ctx() ctx: Context, @Arg('input', () => DirectiveStepInput) input: DirectiveStepInput): Promise<Directive> {
    return this.service.step(ctx, 'FINISHED', input);
  }

  @Allow('directiveChanged')
  @Subscription(() => DirectiveChangeType, {
    nullable: true,
    description: 'Every committed directive change after `after`, then live. A unit liaison receives only those assigned to their unit.',
    subscribe: directiveChanges.subscribe,
  })
  directiveChanged(
    @Root() event: EventRecord<typeof DIRECTIVE_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<Directive> | null> {
    return directiveChanges.resolve(event, (e) => nullIfNotFound(this.service.get(ctx.em, ctx.viewer, e.entityId)));
  }
}

const assigneeLoaders = new WeakMap<EntityManager, DataLoader<string, DirectiveAssignee[]>>();
const progressLoaders = new WeakMap<EntityManager, DataLoader<string, DirectiveProgress[]>>();

/** A directive's assignees, batched per request: a board of 50 directives costs one query. */
function assigneesLoader(em: EntityManager, service: DirectiveService): DataLoader<string, DirectiveAssignee[]> {
  let loader = assigneeLoaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await service.assigneesOf(em, ids);
      return ids.map((id) => rows.filter((r) => r.directiveId === id));
    });
    assigneeLoaders.set(em, loader);
  }
  return loader;
}

function progressLoader(em: EntityManager, service: DirectiveService): DataLoader<string, DirectiveProgress[]> {
  let loader = progressLoaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await service.progressOf(em, ids);
      return ids.map((id) => rows.filter((r) => r.directiveId === id));
    });
    progressLoaders.set(em, loader);
  }
  return loader;
}

@Resolver(() => DirectiveType)
export class DirectiveFields {
  constructor(private readonly directives: DirectiveService) {}

  @FieldResolver(() => [DirectiveAssigneeType], {
    description: 'Working groups first, then member units. A liaison sees their own unit’s only.',
  })
  async assignees(
    @Root() directive: Directive,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: MAX_ASSIGNEES, description: `A directive has at most ${MAX_ASSIGNEES} assignees.` })
    first: number,
  ): Promise<DirectiveAssignee[]> {
    const all = (await assigneesLoader(ctx.em, this.directives).load(directive.id)).slice(0, Math.max(first, 0));
    // Who else a directive went to is HQ's business.
    if (directivePolicy.seesAll(ctx.viewer)) return all;
    const unitId = directivePolicy.unitOf(ctx.viewer);
    return all.filter((a) => a.targetUnitId !== null && a.targetUnitId === unitId);
  }

  @FieldResolver(() => [DirectiveProgressType], {
    description: 'Every accept, progress report and finish, oldest first. A liaison sees their own unit’s only.',
  })
  async progress(
    @Root() directive: Directive,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'The first n entries.' }) first: number,
  ): Promise<DirectiveProgress[]> {
    const all = await progressLoader(ctx.em, this.directives).load(directive.id);
    if (directivePolicy.seesAll(ctx.viewer)) return all.slice(0, Math.max(first, 0));
    const mine = new Set((await this.assignees(directive, ctx, MAX_ASSIGNEES)).map((a) => a.id));
    return all.filter((p) => mine.has(p.assigneeId)).slice(0, Math.max(first, 0));
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its deadline now.' })
  overdue(@Root() directive: Directive, @Ctx() ctx: Context): boolean {
    return isDirectiveOverdue(directive, ctx.clock.now());
  }

  @FieldResolver(() => PersonRefType, { nullable: true, description: 'Who assigned it.' })
  createdBy(@Root() directive: Directive): PersonRefType | null {
    return directive.createdById ? { id: directive.createdById, displayName: directive.createdByName } : null;
  }
}

@Resolver(() => DirectiveAssigneeType)
export class DirectiveAssigneeFields {
  @FieldResolver(() => Boolean, {
    description: 'Whether the viewer may act on this assignment (someone of its group, its unit’s liaison, or a leader).',
  })
  canAct(@Root() assignee: DirectiveAssignee, @Ctx() ctx: Context): boolean {
    return assignee.status !== 'DONE' && directivePolicy.canAct(ctx.viewer, assignee);
  }
}

@Resolver(() => DirectiveProgressType)
export class DirectiveProgressFields {
  @FieldResolver(() => PersonRefType, { nullable: true })
  by(@Root() entry: DirectiveProgress): PersonRefType | null {
    return entry.byId ? { id: entry.byId, displayName: entry.byName } : null;
  }
}
