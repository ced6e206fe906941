import type { RouteRecordRaw } from 'vue-router';
import { ROLES, type Role } from '@cc/shared';
import type { FeatureManifest } from './feature';
import { mayOpen } from './route-meta';

/** The route names the features declare as a role's workspace (`homeFor` in their manifests), in feature order. */
export function declaredHomes(features: readonly FeatureManifest[], role: Role): string[] {
  return features.flatMap((feature) => feature.homeFor?.[role] ?? []);
}

const SECTION_ORDER = ['LEADER', 'DUTY', 'TRANSPORT', 'LOGISTICS', 'COORDINATION', 'ADMIN'];
export function sectionRank(route: RouteRecordRaw): number {
  const nav = route.meta?.nav;
  return nav ? SECTION_ORDER.indexOf(nav.section) * 1000 + nav.order : Number.MAX_SAFE_INTEGER;
}

/**
 * Where a person lands: the workspace of the role they chose last (when they still hold it),
 * else of their first role that has one, in ROLES order; a declared home the roles may not open
 * is skipped. Without any, the first page in navigation order they may open; null when none.
 */
export function resolveHome(
  features: readonly FeatureManifest[],
  routes: readonly RouteRecordRaw[],
  roles: readonly Role[],
  chosen: Role | null = null,
): string | null {
  const byName = new Map(routes.filter((r) => typeof r.name === 'string').map((r) => [r.name as string, r]));
  const ordered = ROLES.filter((role) => roles.includes(role));
  const candidates = chosen && roles.includes(chosen) ? [chosen, ...ordered.filter((r) => r !== chosen)] : ordered;
  for (const role of candidates) {
    for (const name of declaredHomes(features, role)) {
      const route = byName.get(name);
      if (route && mayOpen(route.meta?.access, roles)) return name;
    }
  }
  const first = routes.filter((r) => r.meta?.nav && mayOpen(r.meta.access, roles)).sort((a, b) => sectionRank(a) - sectionRank(b))[0];
  return typeof first?.name === 'string' ? first.name : null;
}

/** The role a person chose from the user menu, remembered per person in this browser. */
const storageKey = (userId: string) => `cc.homeRole.${userId}`;

export function rememberedRole(userId: string): Role | null {
  try {
    const value = localStorage.getItem(storageKey(userId));
    return (ROLES as readonly string[]).includes(value ?? '') ? (value as Role) : null;
  } catch {
    return null; // storage disabled: no remembered choice
  }
}

export function rememberRole(userId: string, role: Role): void {
  try {
    localStorage.setItem(storageKey(userId), role);
  } catch {
    // storage disabled: the choice holds for this visit only
  }
}
