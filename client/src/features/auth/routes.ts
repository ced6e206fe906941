import type { RouteRecordRaw } from 'vue-router';

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./routes/SignIn.vue'),
    meta: { access: 'PUBLIC', titleKey: 'auth.signIn.title' },
  },
];
