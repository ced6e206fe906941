import { Authorized } from 'type-graphql';
import { OPERATION_POLICY, type OperationName } from '@cc/shared';

/**
 * Applies the shared policy table to a root operation: `@Allow('reportIncident')`.
 * The roles come from shared/src/policy.ts, never from the resolver, so the table stays the one place.
 */
export function Allow(operation: OperationName): MethodDecorator {
  const access = OPERATION_POLICY[operation];
  if (access === 'PUBLIC') return () => undefined;
  if (access === 'AUTHENTICATED') return Authorized();
  return Authorized(...access);
}
