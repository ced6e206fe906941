import { Finished, List, Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';
import { permitPrintRoutes } from './verification-routes';

export const permitsRoutes: RouteRecordRaw[] = [
  {
    path: '/permits',
    name: 'permits',
    component: () => import('./routes/PermitQueue.vue'),
    meta: {
      access: { operation: 'permitQueue' },
      titleKey: 'permits.queue.title',
      nav: { section: 'TRANSPORT', order: 40, icon: Finished },
    },
  },
  {
    path: '/permits/new',
    name: 'permit-new',
    component: () => import('./routes/PermitRequestForm.vue'),
    meta: { access: { operation: 'filePermitRequest' }, titleKey: 'permits.form.title' },
  },
  {
    // A liaison's own unit's requests: before the issued list, so it is their permits entry.
    path: '/permits/mine',
    name: 'permits-mine',
    component: () => import('./routes/MyPermitRequests.vue'),
    meta: {
      access: { operation: 'myPermitRequests' },
      titleKey: 'permits.mine.title',
      nav: { section: 'TRANSPORT', order: 45, icon: List },
    },
  },
  {
    path: '/permits/issued',
    name: 'permits-issued',
    component: () => import('./routes/IssuedPermits.vue'),
    meta: {
      access: { operation: 'trafficPermits' },
      titleKey: 'permits.issued.title',
      nav: { section: 'TRANSPORT', order: 50, icon: Tickets },
    },
  },
  {
    path: '/permits/requests/:id',
    name: 'permit-request',
    component: () => import('./routes/PermitRequestPage.vue'),
    props: true,
    meta: { access: { operation: 'permitRequest' }, titleKey: 'permits.request.title' },
  },
  ...permitPrintRoutes,
];
