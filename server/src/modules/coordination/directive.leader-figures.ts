import type { LeaderFiguresSource } from '../../core/leader-figures';
import type { DirectiveService } from './directive.service';

declare module '../../core/leader-figures' {
  interface LeaderFigures {
    /** Directives some assignee has not finished. */
    directivesOpen: number | null;
    /** Of those, the ones past their deadline. */
    directivesOverdue: number | null;
  }
}

/** The coordination group's figures on the leader's board: open and overdue directives. */
export function directiveLeaderFigures(directives: DirectiveService): LeaderFiguresSource {
  return async (em, { now }) => {
    const { open, overdue } = await directives.openCounts(em, now);
    return { directivesOpen: open, directivesOverdue: overdue };
  };
}
