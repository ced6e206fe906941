import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { DispatchOrderType } from '../dispatch/dispatch.types';
import { MemberUnitType } from '../identity/identity.types';
import type { MemberUnit } from '../identity/member-unit.entity';
import type { MemberUnitService } from '../identity/member-unit.service';
import { IncidentType, PersonRefType } from '../incidents/incident.types';
import type { DutyCallCorrection } from './duty-call-correction.entity';
import type { DutyCallForward } from './duty-call-forward.entity';
import type { DutyCallOutcome } from './duty-call-outcome.entity';
import type { DutyCall } from './duty-call.entity';
import { dutyCallLoaders } from './duty-call.loaders';
import { dutyCallPolicy } from './duty-call.policy';
import {
  DutyCallCorrectionType,
  DutyCallerSuggestionType,
  DutyCallForwardType,
  DutyCallOutcomeType,
  DutyCallType,
} from './duty-call.types';

/*
 * Relations of the call log's types, through per-request batch loaders: a page of calls costs
 * one query per relation, however long. People come from the names kept on the rows (who did
 * what, as they were named then), so they cost nothing.
 */

const person = (id: string | null | undefined, name: string | null | undefined): PersonRefType | null =>
  id ? { id, displayName: name ?? '' } : null;

@Resolver(() => DutyCallType)
export class DutyCallFields {
  constructor(private readonly units: MemberUnitService) {}

  @FieldResolver(() => MemberUnitType, { nullable: true, description: 'The caller’s member unit, when it is one.' })
  unit(@Root() call: DutyCall, @Ctx() ctx: Context): Promise<MemberUnit | null> | null {
    return call.unitId ? dutyCallLoaders(ctx.em, this.units).unit.load(call.unitId) : null;
  }

  @FieldResolver(() => PersonRefType, { description: 'The officer who logged it.' })
  loggedBy(@Root() call: DutyCall): PersonRefType {
    return person(call.loggedById, call.loggedByName) ?? { id: '', displayName: call.loggedByName };
  }

  @FieldResolver(() => PersonRefType, { nullable: true, description: 'The officer who took it, when two are on duty.' })
  claimedBy(@Root() call: DutyCall): PersonRefType | null {
    return person(call.claimedById, call.claimedByName);
  }

  @FieldResolver(() => [DutyCallForwardType], { description: 'Its forwards, oldest first; a liaison sees only those to their unit.' })
  async forwards(
    @Root() call: DutyCall,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most 100.' }) first: number,
  ): Promise<DutyCallForward[]> {
    const all = await dutyCallLoaders(ctx.em, this.units).forwardsByCall.load(call.id);
    const unitId = dutyCallPolicy.liaisonUnit(ctx.viewer);
    const visible = dutyCallPolicy.seesAllCalls(ctx.viewer) ? all : all.filter((f) => f.targetUnitId === unitId);
    return visible.slice(0, clamp(first, 100));
  }

  @FieldResolver(() => [DutyCallOutcomeType], { description: 'What it was turned into, oldest first.' })
  async outcomes(
    @Root() call: DutyCall,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5, description: 'At most 50.' }) first: number,
  ): Promise<DutyCallOutcome[]> {
    return (await dutyCallLoaders(ctx.em, this.units).outcomesByCall.load(call.id)).slice(0, clamp(first, 50));
  }

  @FieldResolver(() => [DutyCallCorrectionType], { description: 'Every correction, oldest first (append-only).' })
  async corrections(
    @Root() call: DutyCall,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most 200.' }) first: number,
  ): Promise<DutyCallCorrection[]> {
    return (await dutyCallLoaders(ctx.em, this.units).correctionsByCall.load(call.id)).slice(0, clamp(first, 200));
  }
}

@Resolver(() => DutyCallForwardType)
export class DutyCallForwardFields {
  constructor(private readonly units: MemberUnitService) {}

  @FieldResolver(() => MemberUnitType, {
    nullable: true,
    description: 'The receiving member unit, or null when a working group receives it.',
  })
  targetUnit(@Root() forward: DutyCallForward, @Ctx() ctx: Context): Promise<MemberUnit | null> | null {
    return forward.targetUnitId ? dutyCallLoaders(ctx.em, this.units).unit.load(forward.targetUnitId) : null;
  }

  @FieldResolver(() => PersonRefType)
  forwardedBy(@Root() forward: DutyCallForward): PersonRefType {
    return person(forward.forwardedById, forward.forwardedByName) ?? { id: '', displayName: forward.forwardedByName };
  }

  @FieldResolver(() => PersonRefType, { nullable: true })
  acknowledgedBy(@Root() forward: DutyCallForward): PersonRefType | null {
    return person(forward.acknowledgedById, forward.acknowledgedByName);
  }

  @FieldResolver(() => DutyCallType, { nullable: true, description: 'The call forwarded (for an inbox).' })
  call(@Root() forward: DutyCallForward, @Ctx() ctx: Context): Promise<DutyCall | null> {
    return dutyCallLoaders(ctx.em, this.units).call.load(forward.callId);
  }
}

@Resolver(() => DutyCallOutcomeType)
export class DutyCallOutcomeFields {
  @FieldResolver(() => ID, { description: 'The incident’s or the dispatch order’s id.' })
  entityId(@Root() outcome: DutyCallOutcome): string {
    return (outcome.incidentId ?? outcome.dispatchOrderId)!;
  }

  @FieldResolver(() => PersonRefType)
  createdBy(@Root() outcome: DutyCallOutcome): PersonRefType {
    return person(outcome.createdById, outcome.createdByName) ?? { id: '', displayName: outcome.createdByName };
  }
}

@Resolver(() => DutyCallCorrectionType)
export class DutyCallCorrectionFields {
  @FieldResolver(() => PersonRefType)
  correctedBy(@Root() correction: DutyCallCorrection): PersonRefType {
    return person(correction.correctedById, correction.correctedByName) ?? { id: '', displayName: correction.correctedByName };
  }
}

@Resolver(() => DutyCallerSuggestionType)
export class DutyCallerSuggestionFields {
  constructor(private readonly units: MemberUnitService) {}

  @FieldResolver(() => MemberUnitType, { nullable: true })
  unit(@Root() caller: { unitId: string | null }, @Ctx() ctx: Context): Promise<MemberUnit | null> | null {
    return caller.unitId ? dutyCallLoaders(ctx.em, this.units).unit.load(caller.unitId) : null;
  }
}

/**
 * The duty module's port on other modules' records: incidents and dispatch orders keep only the
 * call's id; the call itself is read here, through the viewer's rights (null when not theirs).
 */
@Resolver(() => IncidentType)
export class IncidentSourceCallField {
  constructor(private readonly units: MemberUnitService) {}

  @FieldResolver(() => DutyCallType, { nullable: true, description: 'The duty-phone call it was taken from (值班记录).' })
  sourceCall(@Root() incident: { sourceCallId?: string | null }, @Ctx() ctx: Context): Promise<DutyCall | null> | null {
    return incident.sourceCallId ? visibleCall(ctx, this.units, incident.sourceCallId) : null;
  }
}

@Resolver(() => DispatchOrderType)
export class DispatchOrderCallField {
  constructor(private readonly units: MemberUnitService) {}

  @FieldResolver(() => DutyCallType, { nullable: true, description: 'The duty-phone call that caused it (值班记录).' })
  call(@Root() order: { callId?: string | null }, @Ctx() ctx: Context): Promise<DutyCall | null> | null {
    return order.callId ? visibleCall(ctx, this.units, order.callId) : null;
  }
}

/** The page sizes above are also what the query-cost limit (core/graphql/cost.ts) counts a list as. */
const clamp = (first: number, max: number) => Math.min(Math.max(first, 0), max);

async function visibleCall(ctx: Context, units: MemberUnitService, id: string): Promise<DutyCall | null> {
  const loaders = dutyCallLoaders(ctx.em, units);
  const call = await loaders.call.load(id);
  if (!call) return null;
  if (dutyCallPolicy.seesAllCalls(ctx.viewer)) return call;
  const unitId = dutyCallPolicy.liaisonUnit(ctx.viewer);
  const forwards = await loaders.forwardsByCall.load(id);
  return forwards.some((f) => f.targetUnitId === unitId) ? call : null;
}
