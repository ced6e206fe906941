import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { isPastReportingDeadline, type IncidentAction } from '@cc/shared';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { liveChanges, type Change } from '../../core/realtime/live-changes';
import type { EventRecord } from '../../core/realtime/topics';
import type { Incident } from './incident.entity';
import { INCIDENT_TOPIC } from './incident.events';
import {
  AddIncidentNoteInput,
  AssignIncidentInput,
  ChangeIncidentStatusInput,
  IncidentActionInput,
  RecordIncidentReportedUpwardInput,
  ReportIncidentInput,
  UpdateIncidentInput,
} from './incident.inputs';
import type { IncidentService } from './incident.service';
import type { IncidentTimelineEntry } from './incident-timeline-entry.entity';
import { IncidentChangeType, IncidentTimelineEntryType, IncidentType, PersonRefType } from './incident.types';

/** Incidents are HQ's shared picture: every role the policy table lets subscribe sees every change (incident.policy.ts). */
const incidentChanges = liveChanges({ operation: 'incidentChanged', topic: INCIDENT_TOPIC });

@Resolver(() => IncidentType)
export class IncidentResolver {
  constructor(private readonly service: IncidentService) {}

  @Allow('incidents')
  @Query(() => [IncidentType], { description: 'Incidents, newest first.' })
  incidents(
    @Ctx() ctx: Context,
    @Arg('openOnly', () => Boolean, { defaultValue: false }) openOnly: boolean,
    @Arg('limit', () => Int, { defaultValue: 200 }) limit: number,
  ): Promise<Incident[]> {
    return this.service.list(ctx.em, { openOnly, limit });
  }

  @Allow('incident')
  @Query(() => IncidentType)
  async incident(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Incident> {
    return (await this.service.get(ctx.em, id)) ?? Promise.reject(notFound('Incident', id));
  }

  @Allow('reportIncident')
  @Mutation(() => IncidentType, { description: 'Logs a new incident; its reporting deadline starts now.' })
  reportIncident(@Ctx() ctx: Context, @Arg('input', () => ReportIncidentInput) input: ReportIncidentInput): Promise<Incident> {
    return this.service.report(ctx, input);
  }

  @Allow('changeIncidentStatus')
  @Mutation(() => IncidentType, {
    description: 'Moves an incident to a status; the same steps as the named mutations (acknowledgeIncident...).',
  })
  changeIncidentStatus(
    @Ctx() ctx: Context,
    @Arg('input', () => ChangeIncidentStatusInput) input: ChangeIncidentStatusInput,
  ): Promise<Incident> {
    return this.service.changeStatus(ctx, input);
  }

  @Allow('acknowledgeIncident')
  @Mutation(() => IncidentType, { description: 'REPORTED → ACKNOWLEDGED: HQ has it; ends the acknowledgement response time.' })
  acknowledgeIncident(@Ctx() ctx: Context, @Arg('input', () => IncidentActionInput) input: IncidentActionInput): Promise<Incident> {
    return this.act(ctx, 'ACKNOWLEDGE', input);
  }

  @Allow('startIncident')
  @Mutation(() => IncidentType, { description: '→ IN_PROGRESS: someone is working on it.' })
  startIncident(@Ctx() ctx: Context, @Arg('input', () => IncidentActionInput) input: IncidentActionInput): Promise<Incident> {
    return this.act(ctx, 'START', input);
  }

  @Allow('resolveIncident')
  @Mutation(() => IncidentType, { description: '→ RESOLVED: dealt with; its deadline alerts clear.' })
  resolveIncident(@Ctx() ctx: Context, @Arg('input', () => IncidentActionInput) input: IncidentActionInput): Promise<Incident> {
    return this.act(ctx, 'RESOLVE', input);
  }

  @Allow('closeIncident')
  @Mutation(() => IncidentType, { description: 'RESOLVED → CLOSED: the record is complete.' })
  closeIncident(@Ctx() ctx: Context, @Arg('input', () => IncidentActionInput) input: IncidentActionInput): Promise<Incident> {
    return this.act(ctx, 'CLOSE', input);
  }

  @Allow('reopenIncident')
  @Mutation(() => IncidentType, { description: 'RESOLVED or CLOSED → IN_PROGRESS; a note saying why is required.' })
  reopenIncident(@Ctx() ctx: Context, @Arg('input', () => IncidentActionInput) input: IncidentActionInput): Promise<Incident> {
    return this.act(ctx, 'REOPEN', input);
  }

  @Allow('assignIncident')
  @Mutation(() => IncidentType, { description: 'Assigns the incident to a working group and an owner.' })
  assignIncident(@Ctx() ctx: Context, @Arg('input', () => AssignIncidentInput) input: AssignIncidentInput): Promise<Incident> {
    return this.service.assign(ctx, input);
  }

  @Allow('updateIncident')
  @Mutation(() => IncidentType, { description: 'Corrects title, description, class, severity, location or coordinates.' })
  updateIncident(@Ctx() ctx: Context, @Arg('input', () => UpdateIncidentInput) input: UpdateIncidentInput): Promise<Incident> {
    return this.service.update(ctx, input);
  }

  @Allow('addIncidentNote')
  @Mutation(() => IncidentTimelineEntryType, { description: 'Adds a note to the incident’s timeline.' })
  async addIncidentNote(
    @Ctx() ctx: Context,
    @Arg('input', () => AddIncidentNoteInput) input: AddIncidentNoteInput,
  ): Promise<IncidentTimelineEntryType> {
    return toTimelineEntry(await this.service.addNote(ctx, input));
  }

  @Allow('recordIncidentReportedUpward')
  @Mutation(() => IncidentType, {
    description: 'Records that the incident was reported upward (上报): to whom and when. Meets the reporting deadline; once only.',
  })
  recordIncidentReportedUpward(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordIncidentReportedUpwardInput) input: RecordIncidentReportedUpwardInput,
  ): Promise<Incident> {
    return this.service.recordReportedUpward(ctx, input);
  }

  @FieldResolver(() => Boolean, { description: 'Still open, not reported upward, and its reporting deadline has passed.' })
  pastDeadline(@Root() incident: Incident, @Ctx() ctx: Context): boolean {
    return isPastReportingDeadline(incident, ctx.clock.now());
  }

  @FieldResolver(() => PersonRefType, { nullable: true, description: 'The person accountable for it.' })
  async owner(@Root() incident: Incident, @Ctx() ctx: Context): Promise<PersonRefType | null> {
    if (!incident.ownerId) return null;
    const displayName = await this.service.personName(ctx.em, incident.ownerId);
    return displayName === null ? null : { id: incident.ownerId, displayName };
  }

  @FieldResolver(() => PersonRefType, { nullable: true, description: 'Who recorded the report upward.' })
  async reportedUpwardBy(@Root() incident: Incident, @Ctx() ctx: Context): Promise<PersonRefType | null> {
    if (!incident.reportedUpwardById) return null;
    const displayName = await this.service.personName(ctx.em, incident.reportedUpwardById);
    return displayName === null ? null : { id: incident.reportedUpwardById, displayName };
  }

  @FieldResolver(() => [IncidentTimelineEntryType], {
    description: 'Everything that happened, oldest first. Ask for it on one incident, not on lists.',
  })
  async timeline(
    @Root() incident: Incident,
    @Ctx() ctx: Context,
    @Arg('limit', () => Int, { defaultValue: 200, description: 'The first this many entries, oldest first (at most 1000).' }) limit: number,
  ): Promise<IncidentTimelineEntryType[]> {
    return (await this.service.timeline(ctx.em, incident.id, Math.min(Math.max(limit, 0), 1000))).map(toTimelineEntry);
  }

  @Allow('incidentChanged')
  @Subscription(() => IncidentChangeType, {
    nullable: true,
    description: 'Every committed incident change after `after` (replayed), then live.',
    subscribe: incidentChanges.subscribe,
  })
  incidentChanged(
    @Root() event: EventRecord<typeof INCIDENT_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<Change<Incident> | null> {
    return incidentChanges.resolve(event, (e) => this.service.get(ctx.em, e.entityId));
  }

  private act(ctx: Context, action: IncidentAction, input: IncidentActionInput): Promise<Incident> {
    return this.service.act(ctx, action, input);
  }
}

function toTimelineEntry(entry: IncidentTimelineEntry): IncidentTimelineEntryType {
  return {
    id: String(entry.id),
    kind: entry.kind,
    at: entry.at,
    actorId: entry.actorId ?? null,
    actorName: entry.actorName,
    text: entry.text,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    link: entry.linkEntityType && entry.linkEntityId ? { entityType: entry.linkEntityType, entityId: entry.linkEntityId } : null,
  };
}
