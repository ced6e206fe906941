import type { LeaderFiguresSource } from '../../core/leader-figures';
import { defineModule, type ModuleManifest } from '../../core/module';
import { LeaderDashboardResolver } from './leader-dashboard.resolver';
import { LeaderDashboardService } from './leader-dashboard.service';

/**
 * 带班领导: the leader on duty's board across the four working groups. Its figures are the
 * modules' own contributions (each manifest's `leaderFigures`), read from the module list.
 */
export function createLeaderModule(deps: { modules: () => readonly ModuleManifest[] }) {
  const service = new LeaderDashboardService(() =>
    deps.modules().flatMap((m): LeaderFiguresSource[] => (m.leaderFigures ? [m.leaderFigures] : [])),
  );
  return defineModule(
    {
      name: 'leader',
      workingGroup: null,
      entities: [],
      resolvers: [new LeaderDashboardResolver(service)],
    },
    { service },
  );
}
