import type { Cache, KeyingConfig, UpdatesConfig, Variables } from '@urql/exchange-graphcache';
import type {
  CreateDirectiveFromDecisionMutation,
  CreateDirectiveMutation,
  DirectiveChangedSubscription,
  DirectiveFieldsFragment,
  MeetingChangedSubscription,
  ResponseLevelChangedSubscription,
  SetResponseLevelMutation,
} from '@cc/shared/operations';
import { placeInLists } from '../../app/cache-lists';

type Placed = Pick<DirectiveFieldsFragment, 'id' | 'deadline' | 'completedAt' | 'overdue' | 'assignees'>;

/** Whether a directive belongs in a `directives` list with these arguments: the server's filter, mirrored. */
function matches(directive: Placed, args: Variables): boolean {
  const filter = (args['filter'] ?? {}) as { onlyOpen?: boolean; onlyOverdue?: boolean; group?: string | null; unitId?: string | null };
  if ((filter.onlyOpen || filter.onlyOverdue) && directive.completedAt !== null) return false;
  if (filter.onlyOverdue && !directive.overdue) return false;
  if (filter.group && !directive.assignees.some((a) => a.targetGroup === filter.group)) return false;
  if (filter.unitId && !directive.assignees.some((a) => a.targetUnitId === filter.unitId)) return false;
  return true;
}

/** Puts a directive into every cached board it belongs to (open ones by deadline), and out of the others. */
export function placeDirective(cache: Cache, directive: Placed) {
  const key = cache.keyOfEntity({ __typename: 'Directive', id: directive.id });
  if (!key) return;
  placeInLists(cache, 'Query', 'directives', key, {
    belongs: (args) => matches(directive, args),
    comesAfter: (listed) =>
      cache.resolve(listed, 'completedAt') !== null ||
      Date.parse(String(cache.resolve(listed, 'deadline'))) > Date.parse(directive.deadline),
  });
}

/** Drops every cached copy of a root list (each set of arguments is its own field), so the views showing one read it again. */
function invalidateList(cache: Cache, fieldName: string): void {
  for (const field of cache.inspectFields('Query'))
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
}

export const coordinationCacheKeys: KeyingConfig = {
  DirectiveChange: () => null,
  ResponseLevelChangeEvent: () => null,
  ResponseLevelState: () => null,
  MeetingChange: () => null,
};

export const coordinationCacheUpdates: UpdatesConfig = {
  Subscription: {
    meetingChanged(result, _args, cache) {
      const change = (result as MeetingChangedSubscription).meetingChanged;
      if (change?.kind === 'CREATED') invalidateList(cache, 'meetings');
    },
    directiveChanged(result, _args, cache) {
      const change = (result as DirectiveChangedSubscription).directiveChanged;
      if (change) placeDirective(cache, change.directive);
    },
    // The current level is derived (the latest change): the header re-reads it, a query of one row.
    responseLevelChanged(result, _args, cache) {
      if ((result as ResponseLevelChangedSubscription).responseLevelChanged) {
        cache.invalidate('Query', 'responseLevel');
        invalidateList(cache, 'responseLevelHistory');
      }
    },
  },
  Mutation: {
    // A meeting list is short and ordered by time: a new one is read again rather than placed by hand.
    requestMeeting(_result, _args, cache) {
      invalidateList(cache, 'meetings');
    },
    scheduleMeeting(_result, _args, cache) {
      invalidateList(cache, 'meetings');
    },
    createDirectiveFromDecision(result, _args, cache) {
      const created = (result as CreateDirectiveFromDecisionMutation).createDirectiveFromDecision;
      if (created) placeDirective(cache, created);
    },
    createDirective(result, _args, cache) {
      const created = (result as CreateDirectiveMutation).createDirective;
      if (created) placeDirective(cache, created);
    },
    setResponseLevel(result, _args, cache) {
      if ((result as SetResponseLevelMutation).setResponseLevel) {
        cache.invalidate('Query', 'responseLevel');
        invalidateList(cache, 'responseLevelHistory');
      }
    },
  },
};
