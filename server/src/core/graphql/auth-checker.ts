import type { AuthCheckerFn } from 'type-graphql';
import type { Role } from '@cc/shared';
import type { Context } from '../context';
import { forbidden, unauthenticated } from '../errors';

/**
 * type-graphql's auth checker. Throws typed errors rather than returning false, so the
 * client learns whether to sign in (UNAUTHENTICATED) or that the role is not enough (FORBIDDEN).
 */
export const authChecker: AuthCheckerFn<Context, Role> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer || viewer.sessionExpiresAt.getTime() <= context.clock.now().getTime()) throw unauthenticated();
  if (roles.length === 0 || viewer.roles.some((r) => roles.includes(r))) return true;
  throw forbidden();
};
