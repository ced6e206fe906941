import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@cc/shared';
import { loadSession } from '../features/auth/composables/use-session';
import { features } from '../features';
import { reportError } from './report-error';
import { mayOpen } from './route-meta';

/** Pages inside the console frame (header, navigation, connection indicator), from each feature's manifest. */
export const consoleRoutes: RouteRecordRaw[] = features.flatMap((feature) => feature.routes ?? []);

const routes: RouteRecordRaw[] = [
  ...features.flatMap((feature) => feature.standaloneRoutes ?? []),
  {
    path: '/',
    component: () => import('./layout/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./layout/NothingAvailable.vue'), meta: { titleKey: 'app.hq' } },
      ...consoleRoutes,
      { path: ':unknown(.*)*', name: 'not-found', component: () => import('./layout/NotFound.vue'), meta: { titleKey: 'app.notFound' } },
    ],
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

/** The first page (in navigation order) the roles may open; `home` says so when there is none. */
export function homeFor(roles: readonly Role[]): RouteLocationRaw {
  const first = consoleRoutes
    .filter((r) => r.meta?.nav && mayOpen(r.meta.access, roles))
    .sort((a, b) => sectionRank(a) - sectionRank(b))[0];
  return first?.name ? { name: first.name } : { name: 'home' };
}

const SECTION_ORDER = ['LEADER', 'DUTY', 'TRANSPORT', 'LOGISTICS', 'COORDINATION', 'ADMIN'];
export function sectionRank(route: RouteRecordRaw): number {
  const nav = route.meta?.nav;
  return nav ? SECTION_ORDER.indexOf(nav.section) * 1000 + nav.order : Number.MAX_SAFE_INTEGER;
}

router.beforeEach(async (to) => {
  let me;
  try {
    me = await loadSession();
  } catch (error) {
    reportError(error);
    me = null;
  }
  const roles = me?.roles ?? null;
  if (to.name === 'sign-in') return me ? homeFor(me.roles) : true;
  if (!me) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (to.name === 'home') {
    const home = homeFor(me.roles);
    return typeof home === 'object' && 'name' in home && home.name === 'home' ? true : home;
  }
  // A page the roles may not use is not shown in the navigation; reached by URL, go home.
  if (!mayOpen(to.meta.access, roles)) return homeFor(me.roles);
  return true;
});
