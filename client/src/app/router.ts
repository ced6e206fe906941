import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@cc/shared';
import { loadSession } from '../features/auth/composables/use-session';
import { features } from '../features';
import { reportError } from './report-error';
import { rememberedRole, resolveHome, sectionRank } from './home-for';
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

export { sectionRank };

/** Where the person lands: their (chosen) role's workspace, see home-for.ts; `home` says so when there is none. */
export function homeFor(viewer: { userId: string; roles: readonly Role[] }): RouteLocationRaw {
  return { name: resolveHome(features, consoleRoutes, viewer.roles, rememberedRole(viewer.userId)) ?? 'home' };
}

router.beforeEach(async (to) => {
  // Public pages outside the console (the permit check a QR code opens) need no session, and ask for none.
  if (to.meta.access === 'PUBLIC' && to.name !== 'sign-in') return true;
  let me;
  try {
    me = await loadSession();
  } catch (error) {
    reportError(error);
    me = null;
  }
  const roles = me?.roles ?? null;
  if (to.name === 'sign-in') return me ? homeFor(me) : true;
  if (!me) return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (to.name === 'home') {
    const home = homeFor(me);
    return typeof home === 'object' && 'name' in home && home.name === 'home' ? true : home;
  }
  // A page the roles may not use is not shown in the navigation; reached by URL, go home.
  if (!mayOpen(to.meta.access, roles)) return homeFor(me);
  return true;
});
