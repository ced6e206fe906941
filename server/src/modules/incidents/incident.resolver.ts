import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';
import { Allow } from '../../core/graphql/allow';
import { EventPositionScalar } from '../../core/graphql/scalars';
import { openEventStream } from '../../core/realtime/event-stream';
import type { EventRecord } from '../../core/realtime/topics';
import type { Incident } from './incident.entity';
import { INCIDENT_TOPIC } from './incident.events';
import { ChangeIncidentStatusInput, ReportIncidentInput } from './incident.inputs';
import { incidentPolicy } from './incident.policy';
import type { IncidentService } from './incident.service';
import { IncidentChangeType, IncidentType } from './incident.types';

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
  @Mutation(() => IncidentType)
  changeIncidentStatus(
    @Ctx() ctx: Context,
    @Arg('input', () => ChangeIncidentStatusInput) input: ChangeIncidentStatusInput,
  ): Promise<Incident> {
    return this.service.changeStatus(ctx, input);
  }

  @Allow('incidentChanged')
  @Subscription(() => IncidentChangeType, {
    nullable: true,
    description: 'Every committed incident change after `after` (replayed), then live.',
    subscribe: ({ context, args }) => {
      const ctx = context as Context;
      if (!incidentPolicy.canSeeAll(ctx.viewer)) throw forbidden();
      return openEventStream(ctx.hub, { topics: [INCIDENT_TOPIC], after: (args as { after?: bigint }).after });
    },
  })
  async incidentChanged(
    @Root() event: EventRecord<typeof INCIDENT_TOPIC>,
    @Ctx() ctx: Context,
    @Arg('after', () => EventPositionScalar, { nullable: true, description: 'Last position this client saw.' }) _after?: bigint,
  ): Promise<IncidentChangeType | null> {
    const incident = await this.service.get(ctx.em, event.entityId);
    if (!incident) return null;
    return { position: event.position, kind: event.kind, committedAt: event.committedAt, incident };
  }
}
