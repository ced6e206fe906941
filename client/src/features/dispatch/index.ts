import { defineFeature } from '../../app/feature';
import { dispatchCacheKeys, dispatchCacheUpdates } from './cache-updates';
import en from './locales/en';
import zhCN from './locales/zh-CN';
import { dispatchRoutes } from './routes';

/** Readiness alerts lead to the standby board, where the companies' vehicles are. */
const standbyBoard = () => ({ name: 'dispatch' });

/** 运输调配: the standby board, orders, figures and member units' requests (the server's `dispatch` module). */
export const dispatch = defineFeature({
  name: 'dispatch',
  routes: dispatchRoutes,
  messages: { 'zh-CN': zhCN, en },
  homeFor: { DISPATCHER: 'dispatch' },
  cacheKeys: dispatchCacheKeys,
  cacheUpdates: dispatchCacheUpdates,
  resumable: { VehicleChanged: 'vehicle', DispatchOrderChanged: 'dispatchOrder' },
  alertRules: {
    'company-below-standby-quota': { link: standbyBoard },
    'fleet-ready-below-floor': { link: standbyBoard },
  },
});
