import type { RouteRecordRaw } from 'vue-router';
import { PERMIT_VERIFY_PATH } from '@cc/shared';

/** The public check, outside the console frame and open to anyone: where a permit's QR code leads. */
export const permitVerificationRoutes: RouteRecordRaw[] = [
  {
    path: PERMIT_VERIFY_PATH,
    name: 'verify-permit',
    component: () => import('./routes/VerifyPermit.vue'),
    meta: { access: 'PUBLIC', titleKey: 'permits.verify.title' },
  },
  {
    path: `${PERMIT_VERIFY_PATH}/:number`,
    name: 'verify-permit-number',
    component: () => import('./routes/VerifyPermit.vue'),
    meta: { access: 'PUBLIC', titleKey: 'permits.verify.title' },
  },
];

/** 打印通行证, inside the console: whoever may open the permit may print it. */
export const permitPrintRoutes: RouteRecordRaw[] = [
  {
    path: '/permits/:number/print',
    name: 'permit-print',
    component: () => import('./routes/PermitPrint.vue'),
    meta: { access: { operation: 'trafficPermit' }, titleKey: 'permits.print.heading' },
  },
];
