import type { Component } from 'vue';
import { mayUse, type Role, type WorkingGroup } from '@cc/shared';

/** Where a page sits in the navigation: the leader view, one of the four working groups, or administration. */
export type NavSection = 'LEADER' | WorkingGroup | 'ADMIN';

/**
 * Who may open a page. Prefer `operation`: the page is usable exactly when its main operation
 * is, per the shared policy table. `roles` is for modules whose operations do not exist yet.
 */
export type RouteAccess = 'PUBLIC' | { operation: string } | { roles: readonly Role[] };

declare module 'vue-router' {
  interface RouteMeta {
    access?: RouteAccess;
    /** i18n key of the page title (document title and navigation). */
    titleKey?: string;
    nav?: { section: NavSection; order: number; icon: Component };
  }
}

export function mayOpen(access: RouteAccess | undefined, roles: readonly Role[] | null): boolean {
  if (access === 'PUBLIC') return true;
  if (roles === null) return false;
  if (access === undefined) return true;
  if ('operation' in access) return mayUse(access.operation, roles);
  return roles.some((role) => access.roles.includes(role));
}
