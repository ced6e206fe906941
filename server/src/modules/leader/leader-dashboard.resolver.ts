import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import type { LeaderDashboardService } from './leader-dashboard.service';
import { LeaderDashboardType } from './leader-dashboard.types';

@Resolver()
export class LeaderDashboardResolver {
  constructor(private readonly service: LeaderDashboardService) {}

  @Allow('leaderDashboard')
  @Query(() => LeaderDashboardType, {
    description:
      'The leader on duty’s figures now. Live: re-read it when incidentChanged, alertChanged or vehicleChanged events arrive, and at nextClockChangeAt.',
  })
  leaderDashboard(@Ctx() ctx: Context): Promise<LeaderDashboardType> {
    return this.service.dashboard(ctx.em, ctx.clock.now());
  }
}
