import { mayUse, type OperationName } from '@cc/shared';
import type { Context } from '../../core/context';
import { forbidden, unauthenticated } from '../../core/errors';

/**
 * The policy table, applied where type-graphql's auth checker does not reach: a
 * subscription's `subscribe` runs before any resolver, so it checks the table itself.
 */
export function assertMayUse(ctx: Context, operation: OperationName): void {
  const viewer = ctx.viewer;
  if (!viewer || viewer.sessionExpiresAt.getTime() <= Date.now()) throw unauthenticated();
  if (!mayUse(operation, viewer.roles)) throw forbidden();
}
